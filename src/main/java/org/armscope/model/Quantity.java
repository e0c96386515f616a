package org.armscope.model;

public record Quantity(long value, Bound bound, String text) {
}
