package org.armscope.store;

import org.armscope.model.Arg;
import org.armscope.model.EntityKind;
import org.armscope.model.Fact;
import org.armscope.model.FactType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fact exports beside the spec's JSON Lines: a CSV in the SIPRI trade register's shape, and GraphML. */
public final class Exports {
    private Exports() {
    }

    /** Transfers, procurements, productions and aid as register rows (recipient, supplier, year, number, designation, …). */
    public static String sipriCsv(List<Fact> facts, Store store) {
        StringBuilder sb = new StringBuilder("recipient,supplier,order_year,number_ordered,weapon_designation,"
                + "weapon_description,status,comments,fact_type,modality,doc,fact_id\n");
        for (Fact f : facts) {
            String[] roles = switch (f.type()) {
                case TRANSFER -> new String[] {"recipient", "supplier"};
                case PROCUREMENT -> new String[] {"buyer", "supplier"};
                case AID -> new String[] {"recipient", "donor"};
                case PRODUCTION -> new String[] {"producer", "licensor"};
                case MAINTENANCE -> new String[] {"customer", "provider"};
                default -> null;
            };
            if (roles == null) {
                continue;
            }
            for (Arg item : f.role("item").isEmpty() ? List.of(new Arg(EntityKind.CATEGORY, null, null, "", null, List.of())) : f.role("item")) {
                sb.append(csv(actor(f, roles[0]))).append(',').append(csv(actor(f, roles[1]))).append(',')
                        .append(f.time() == null || f.time().start() == null ? "" : f.time().start().substring(0, 4)).append(',')
                        .append(f.quantity() == null ? "" : f.quantity().value()).append(',')
                        .append(csv(item.kind() == EntityKind.WEAPON ? item.name() : "")).append(',')
                        .append(csv(item.category() == null ? "" : item.category())).append(',')
                        .append(f.type() == FactType.PRODUCTION ? "licence" : "").append(',')
                        .append(csv(f.evidence() == null ? "" : f.evidence().text())).append(',')
                        .append(f.type()).append(',').append(f.modality().code()).append(',')
                        .append(csv(f.doc())).append(',').append(f.factId() == null ? "" : f.factId()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String actor(Fact f, String role) {
        List<Arg> v = f.role(role);
        return v.isEmpty() ? "" : v.get(0).name();
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Actors as nodes, one edge per fact between its first two actor roles, weighted by fact count. */
    public static String graphMl(List<Fact> facts) {
        Map<String, Integer> edges = new LinkedHashMap<>();
        Map<String, String> nodes = new LinkedHashMap<>();
        for (Fact f : facts) {
            List<Arg> actors = f.roles().entrySet().stream().filter(e -> !e.getKey().equals("item"))
                    .flatMap(e -> e.getValue().stream()).filter(a -> a.kind() != null && a.kind().isActor()).toList();
            for (int i = 0; i + 1 < actors.size(); i++) {
                String a = actors.get(i).atCountryLevel().name();
                String b = actors.get(i + 1).atCountryLevel().name();
                if (a == null || b == null || a.equals(b)) {
                    continue;
                }
                nodes.put(a, actors.get(i).kind().name());
                nodes.put(b, actors.get(i + 1).kind().name());
                edges.merge(a + "\u0000" + b + "\u0000" + f.type(), 1, Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                + "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
                + "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
                + "  <graph edgedefault=\"directed\">\n");
        nodes.forEach((n, k) -> sb.append("    <node id=\"").append(xml(n)).append("\"><data key=\"kind\">").append(k).append("</data></node>\n"));
        edges.forEach((k, w) -> {
            String[] p = k.split("\u0000");
            sb.append("    <edge source=\"").append(xml(p[0])).append("\" target=\"").append(xml(p[1])).append("\"><data key=\"type\">")
                    .append(p[2]).append("</data><data key=\"weight\">").append(w).append("</data></edge>\n");
        });
        return sb.append("  </graph>\n</graphml>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
