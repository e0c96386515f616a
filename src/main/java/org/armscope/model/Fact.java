package org.armscope.model;

import java.util.List;
import java.util.Map;

/**
 * One extracted (or gold) fact. {@code roles} maps a role name to its values (one or
 * more). {@code factId} is shared by the same deal across documents; {@code rule} names
 * what produced it, for the explain tool; {@code confidence} is in [0, 1].
 */
public record Fact(String factId, String doc, FactType type, Map<String, List<Arg>> roles,
                   Modality modality, TimeSpan time, Quantity quantity, Money money, Arg source,
                   Evidence evidence, boolean optional, double confidence, String rule) {
    public List<Arg> role(String name) {
        return roles.getOrDefault(name, List.of());
    }
}
