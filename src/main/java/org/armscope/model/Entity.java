package org.armscope.model;

import java.util.List;
import java.util.Map;

/**
 * A canonical knowledge-base entry. {@code id} is stable ("COUNTRY:KZ", "WEAPON:S-300",
 * "ORG:Turkish Aerospace Industries"); {@code names} maps a language code to its name
 * variants; {@code country} is the ISO code of an org or person, or the origin of a weapon.
 */
public record Entity(String id, EntityKind kind, String name, String country, String category,
                     Map<String, List<String>> names) {
    public List<String> allNames() {
        return names.values().stream().flatMap(List::stream).distinct().toList();
    }
}
