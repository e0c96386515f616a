package org.armscope.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.armscope.model.Arg;
import org.armscope.model.Bound;
import org.armscope.model.EntityKind;
import org.armscope.model.Evidence;
import org.armscope.model.Fact;
import org.armscope.model.FactType;
import org.armscope.model.Modality;
import org.armscope.model.Money;
import org.armscope.model.Quantity;
import org.armscope.model.TimeSpan;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes facts in the spec's JSON Lines format (spec/facts.md §3). */
public final class FactJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FactJson() {
    }

    public static ObjectNode toJson(Fact f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("doc", f.doc());
        if (f.factId() != null) {
            o.put("fact_id", f.factId());
        }
        if (f.optional()) {
            o.put("optional", true);
        }
        o.put("type", f.type().name());
        ObjectNode roles = o.putObject("roles");
        for (Map.Entry<String, List<Arg>> e : f.roles().entrySet()) {
            List<Arg> values = e.getValue();
            if (values.size() == 1 && !FactType.isSetRole(e.getKey())) {
                roles.set(e.getKey(), arg(values.get(0)));
            } else {
                ArrayNode a = roles.putArray(e.getKey());
                values.forEach(v -> a.add(arg(v)));
            }
        }
        o.put("modality", f.modality().code());
        if (f.time() != null) {
            ObjectNode t = o.putObject("time");
            t.put("start", f.time().start());
            if (f.time().end() == null) {
                t.putNull("end");
            } else {
                t.put("end", f.time().end());
            }
            t.put("text", f.time().text());
        }
        if (f.quantity() != null) {
            ObjectNode q = o.putObject("quantity");
            q.put("value", f.quantity().value());
            q.put("bound", f.quantity().bound().code());
        }
        if (f.money() != null) {
            ObjectNode m = o.putObject("money");
            Money money = f.money();
            if (money.amount() == Math.rint(money.amount()) && Math.abs(money.amount()) < 9e15) {
                m.put("amount", (long) money.amount());
            } else {
                m.put("amount", money.amount());
            }
            m.put("currency", money.currency());
            m.put("bound", money.bound().code());
            if (money.per() == null) {
                m.putNull("per");
            } else {
                m.put("per", money.per());
            }
        }
        if (f.source() != null) {
            o.set("source", arg(f.source()));
        }
        if (f.evidence() != null) {
            ObjectNode ev = o.putObject("evidence");
            ev.put("start", f.evidence().start());
            ev.put("end", f.evidence().end());
            ev.put("text", f.evidence().text());
        }
        o.put("confidence", Math.round(f.confidence() * 1000) / 1000.0);
        return o;
    }

    /** One role value in the spec's format. */
    public static JsonNode arg(Arg a) {
        if (a.isFreeText()) {
            return JSON.getNodeFactory().textNode(a.text());
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", a.kind().name());
        if (a.kind() == EntityKind.CATEGORY) {
            o.put("category", a.category());
            if (a.text() != null) {
                o.put("text", a.text());
            }
            return o;
        }
        o.put("name", a.name());
        if (a.kind() == EntityKind.WEAPON && a.category() != null) {
            o.put("category", a.category());
        }
        if (a.country() != null && (a.kind() == EntityKind.ORG || a.kind() == EntityKind.PERSON)) {
            o.put("country", a.country());
        }
        return o;
    }

    public static String toLine(Fact f) {
        return toJson(f).toString();
    }

    public static List<Fact> read(Path file) throws IOException {
        List<Fact> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(fromJson(JSON.readTree(line)));
                } catch (RuntimeException | IOException e) {
                    throw new IOException(file + " line " + n + ": not a fact in the spec's format (" + e.getMessage() + ")", e);
                }
            }
        }
        return out;
    }

    public static Fact fromJson(JsonNode o) {
        FactType type = FactType.valueOf(o.get("type").asText());
        Map<String, List<Arg>> roles = new LinkedHashMap<>();
        o.path("roles").fields().forEachRemaining(e -> {
            List<Arg> list = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> list.add(parseArg(v)));
            } else {
                list.add(parseArg(e.getValue()));
            }
            roles.put(e.getKey(), list);
        });
        JsonNode t = o.get("time");
        TimeSpan time = t == null || t.isNull() ? null : new TimeSpan(text(t, "start"), text(t, "end"), text(t, "text"));
        JsonNode q = o.get("quantity");
        Quantity quantity = q == null || q.isNull() ? null
                : new Quantity(q.path("value").asLong(), Bound.of(text(q, "bound")), null);
        JsonNode m = o.get("money");
        Money money = m == null || m.isNull() ? null : new Money(m.path("amount").asDouble(), text(m, "currency"),
                Bound.of(text(m, "bound")), text(m, "per"), null);
        JsonNode ev = o.get("evidence");
        Evidence evidence = ev == null ? null : new Evidence(o.path("doc").asText(), ev.path("start").asInt(-1),
                ev.path("end").asInt(-1), text(ev, "text"));
        JsonNode src = o.get("source");
        return new Fact(text(o, "fact_id"), o.path("doc").asText(), type, roles, Modality.of(text(o, "modality")), time,
                quantity, money, src == null || src.isNull() ? null : parseArg(src), evidence,
                o.path("optional").asBoolean(false), o.path("confidence").asDouble(1.0), null);
    }

    /** One role value in the spec's format (an object, or a string for free text). */
    public static Arg parseArg(JsonNode v) {
        if (v.isTextual()) {
            return Arg.freeText(v.asText());
        }
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        EntityKind kind = EntityKind.valueOf(v.path("kind").asText("CATEGORY"));
        return new Arg(kind, text(v, "name"), text(v, "country"), text(v, "category"), text(v, "text"), aliases);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
