package org.armscope.team;

import java.time.Instant;

/**
 * A reader's report of a wrong entity or fact: the exact selection (offsets into the cleaned
 * text and the selected text), the fact it concerns if any, the proposed correction if any.
 */
public record ErrorReport(long id, String docId, int start, int end, String selection, String factId,
                          Correction proposal, String note, String reporter, Instant created, String status,
                          String reviewer) {
}
