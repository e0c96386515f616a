package org.armscope.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.armscope.facts.FactJson;
import org.armscope.model.Arg;
import org.armscope.model.Entity;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.model.Modality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A reviewed correction of what the extractor stored for one document. Corrections are keyed by
 * the document and the fact's {@code fact_id} (or the mention's span), never by a database row,
 * so they apply again when the document is re-extracted. Applying one twice changes nothing.
 *
 * <ul>
 * <li>{@code reject}: the fact is not stated by the text; it is removed.</li>
 * <li>{@code modality}: the fact's modality is set.</li>
 * <li>{@code role}: one role of the fact is set to the given value (an actor or item).</li>
 * <li>{@code entity}: the mention at [start, end) is linked to another entity, or removed
 * when no entity is given.</li>
 * </ul>
 */
public record Correction(Action action, String factId, Modality modality, String role, Arg value,
                         Integer start, Integer end, String entityId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Action { REJECT, MODALITY, ROLE, ENTITY }

    public Correction {
        if (action == null) {
            throw new IllegalArgumentException("a correction needs an action (reject, modality, role or entity)");
        }
        switch (action) {
            case REJECT -> need(factId != null, "a rejection names the fact (fact_id)");
            case MODALITY -> need(factId != null && modality != null, "a modality correction names the fact and the modality");
            case ROLE -> need(factId != null && role != null && !role.isBlank() && value != null,
                    "a role correction names the fact, the role and its value");
            case ENTITY -> need(start != null && end != null && start >= 0 && end > start,
                    "an entity correction gives the mention's start and end");
        }
    }

    private static void need(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Reads a correction (or an error report's proposal) from its JSON form. */
    public static Correction fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a correction is a JSON object");
        }
        Action action;
        try {
            action = Action.valueOf(o.path("action").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown correction action '" + o.path("action").asText("") + "'");
        }
        Modality modality = null;
        if (o.hasNonNull("modality")) {
            try {
                modality = Modality.of(o.get("modality").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown modality '" + o.get("modality").asText() + "'");
            }
        }
        Arg value = null;
        if (o.hasNonNull("value")) {
            try {
                value = FactJson.parseArg(o.get("value"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the value's kind is not one of COUNTRY, ORG, PERSON, WEAPON, CATEGORY");
            }
        }
        return new Correction(action, text(o, "fact_id"), modality, text(o, "role"), value,
                o.hasNonNull("start") ? o.get("start").asInt() : null, o.hasNonNull("end") ? o.get("end").asInt() : null,
                text(o, "entity"));
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("action", action.name().toLowerCase(Locale.ROOT));
        if (factId != null) {
            o.put("fact_id", factId);
        }
        if (modality != null) {
            o.put("modality", modality.code());
        }
        if (role != null) {
            o.put("role", role);
        }
        if (value != null) {
            o.set("value", FactJson.arg(value));
        }
        if (start != null) {
            o.put("start", start);
            o.put("end", end);
        }
        if (entityId != null) {
            o.put("entity", entityId);
        }
        return o;
    }

    private static String text(JsonNode o, String f) {
        return o.hasNonNull(f) ? o.get(f).asText() : null;
    }

    /** The document's facts with every correction applied, in order. */
    public static List<Fact> applyToFacts(List<Correction> corrections, List<Fact> facts) {
        List<Fact> out = new ArrayList<>(facts);
        for (Correction c : corrections) {
            if (c.action == Action.ENTITY) {
                continue;
            }
            for (int i = out.size() - 1; i >= 0; i--) {
                Fact f = out.get(i);
                if (!c.factId.equals(f.factId())) {
                    continue;
                }
                switch (c.action) {
                    case REJECT -> out.remove(i);
                    case MODALITY -> out.set(i, new Fact(f.factId(), f.doc(), f.type(), f.roles(), c.modality, f.time(),
                            f.quantity(), f.money(), f.source(), f.evidence(), f.optional(), f.confidence(), "corrected"));
                    case ROLE -> {
                        Map<String, List<Arg>> roles = new LinkedHashMap<>(f.roles());
                        roles.put(c.role, List.of(c.value));
                        out.set(i, new Fact(f.factId(), f.doc(), f.type(), roles, f.modality(), f.time(), f.quantity(),
                                f.money(), f.source(), f.evidence(), f.optional(), f.confidence(), "corrected"));
                    }
                    default -> { }
                }
            }
        }
        return out;
    }

    /**
     * The document's mentions with entity corrections applied: the mention over the corrected span
     * is relinked (or dropped); a span no mention covers becomes a new mention when an entity is
     * given, its text taken from the document.
     */
    public static List<Mention> applyToMentions(List<Correction> corrections, List<Mention> mentions, String text,
                                                Function<String, Entity> entities) {
        List<Mention> out = new ArrayList<>(mentions);
        for (Correction c : corrections) {
            if (c.action != Action.ENTITY) {
                continue;
            }
            Entity target = c.entityId == null ? null : entities.apply(c.entityId);
            if (c.entityId != null && target == null) {
                continue; // the entry was removed from the knowledge base: keep what the extractor found
            }
            boolean found = false;
            for (int i = out.size() - 1; i >= 0; i--) {
                Mention m = out.get(i);
                if (m.start() == c.start && m.end() == c.end) {
                    found = true;
                    if (target == null) {
                        out.remove(i);
                    } else {
                        out.set(i, new Mention(m.start(), m.end(), m.text(), target, m.sentence(), m.firstToken(),
                                m.lastToken(), m.adjectival()));
                    }
                }
            }
            if (!found && target != null && c.end <= text.length()) {
                int sentence = 0;
                for (Mention m : out) {
                    if (m.start() <= c.start) {
                        sentence = m.sentence();
                    }
                }
                out.add(new Mention(c.start, c.end, text.substring(c.start, c.end), target, sentence, -1, -1, false));
                out.sort((a, b) -> Integer.compare(a.start(), b.start()));
            }
        }
        return out;
    }
}
