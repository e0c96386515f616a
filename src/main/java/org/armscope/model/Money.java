package org.armscope.model;

/** An amount of money; {@code per} is "year" for a yearly amount, else null. */
public record Money(double amount, String currency, Bound bound, String per, String text) {
}
