package org.armscope.model;

/** "YYYY[-MM[-DD]]" start and end; {@code end} null for an open period ("since 1993"). */
public record TimeSpan(String start, String end, String text) {
}
