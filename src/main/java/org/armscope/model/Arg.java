package org.armscope.model;

import java.util.List;

/**
 * A role value: an actor (COUNTRY with ISO code as name, ORG, PERSON), an item
 * (WEAPON with designation and category, CATEGORY with category and surface text),
 * or free text (kind null, {@code text} set) for roles such as {@code topic}.
 * {@code aliases} are other acceptable names (gold data uses them).
 */
public record Arg(EntityKind kind, String name, String country, String category, String text,
                  List<String> aliases) {
    public static Arg country(String iso) {
        return new Arg(EntityKind.COUNTRY, iso, null, null, null, List.of());
    }

    public static Arg freeText(String text) {
        return new Arg(null, null, null, null, text, List.of());
    }

    public boolean isFreeText() {
        return kind == null;
    }

    /** The same actor seen at country level: an ORG or PERSON becomes its country. */
    public Arg atCountryLevel() {
        if ((kind == EntityKind.ORG || kind == EntityKind.PERSON) && country != null && !country.isBlank()) {
            return country(country);
        }
        return this;
    }

    public String label() {
        if (kind == null) {
            return text;
        }
        return switch (kind) {
            case CATEGORY -> category + (text == null ? "" : " (" + text + ")");
            default -> name;
        };
    }
}
