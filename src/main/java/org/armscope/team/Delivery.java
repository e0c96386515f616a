package org.armscope.team;

import java.time.Instant;

/** One webhook delivery of one document to one subscription, with its attempts so far. */
public record Delivery(long id, long subscriptionId, String docId, String payload, int attempts, String status,
                       Integer lastCode, String lastError, Instant nextAttempt, Instant created, Instant delivered) {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
}
