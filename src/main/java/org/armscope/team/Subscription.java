package org.armscope.team;

import java.time.Instant;

/**
 * "Stay informed" on a search, an entity or a pair of countries: an Atom feed (read with the
 * secret feed token) and, when a webhook address is given, signed deliveries of each new document.
 */
public record Subscription(long id, long userId, String label, Query query, String feedToken, String webhookUrl,
                           String secret, Instant cursor, Instant created) {
    /** What is followed; null fields do not restrict. */
    public record Query(String q, String entity, String countryA, String countryB, String factType) {
        public Query {
            q = blank(q);
            entity = blank(entity);
            countryA = blank(countryA);
            countryB = blank(countryB);
            factType = blank(factType);
            if (q == null && entity == null && countryA == null && factType == null) {
                throw new IllegalArgumentException("a subscription follows a search, an entity, a country or a pair of countries");
            }
            if (countryB != null && countryA == null) {
                throw new IllegalArgumentException("a pair of countries needs its first country");
            }
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
