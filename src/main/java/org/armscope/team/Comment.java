package org.armscope.team;

import java.time.Instant;

/** A comment on a document ({@code targetKind} "doc") or on a fact ("fact", target = fact_id). */
public record Comment(long id, String targetKind, String targetId, String docId, String author, String body,
                      Instant created, boolean hidden) {
}
