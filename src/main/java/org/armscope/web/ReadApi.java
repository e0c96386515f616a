package org.armscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.armscope.entities.KnowledgeBase;
import org.armscope.facts.FactJson;
import org.armscope.model.Arg;
import org.armscope.model.Document;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import org.armscope.model.Fact;
import org.armscope.model.FactType;
import org.armscope.model.Mention;
import org.armscope.model.RawDocument;
import org.armscope.pipeline.Processed;
import org.armscope.pipeline.QueryLinker;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import org.armscope.team.Comment;
import org.armscope.team.Role;
import org.armscope.team.User;
import org.armscope.text.Keys;
import org.armscope.web.Route.Param;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reading the knowledge base: search, articles, facts, entities, the country graph and the timeline; and adding an article. */
final class ReadApi {
    private ReadApi() {
    }

    static List<Route> routes(WebServer.Services s) {
        return List.of(
                new Route("GET", "/api/health", null, "meta", "Liveness and the number of documents", List.of(), null,
                        ctx -> ctx.json(Map.of("documents", s.store.documentCount()))),
                new Route("GET", "/api/search", Role.VIEWER, "search",
                        "Full-text and cross-lingual search with filters; snippets carry highlight spans",
                        List.of(Param.query("q", "query in any language and script"), Param.query("lang", "document language"),
                                Param.query("country", "ISO code of a country in the document or its facts"),
                                Param.query("weapon", "designation of a weapon system"), Param.query("type", "fact type"),
                                Param.query("modality", "fact modality"), Param.query("from", "earliest date (ISO, or year / year-month)"),
                                Param.query("to", "latest date (ISO, or year / year-month)"), Param.query("limit", "at most 100")),
                        null, ctx -> search(ctx, s)),
                new Route("GET", "/api/documents/{id}", Role.VIEWER, "articles",
                        "An article: cleaned text, metadata, mentions, facts, corrections, comment count",
                        List.of(Param.path("id", "document id")), null, ctx -> document(ctx, s)),
                new Route("POST", "/api/documents", Role.ANALYST, "articles", "Add an article (HTML or plain text); it is cleaned, "
                        + "analysed and stored, or reported as a duplicate", List.of(),
                        "{\"name\": file name or id, \"text\": text or HTML, \"html\": true|false, \"source\": URL}", ctx -> ingest(ctx, s)),
                new Route("GET", "/api/facts", Role.VIEWER, "facts", "Facts with filters",
                        List.of(Param.query("doc", "document id"), Param.query("type", "fact type"), Param.query("country", "ISO code"),
                                Param.query("modality", "modality"), Param.query("name", "actor or item name"), Param.query("limit", "at most 5000")),
                        null, ctx -> facts(ctx, s)),
                new Route("GET", "/api/entities/{id}", Role.VIEWER, "entities",
                        "An entity: every name variant by language, its facts in time order, related entities, mentions",
                        List.of(Param.path("id", "entity id, e.g. COUNTRY:KZ or WEAPON:S-300")), null, ctx -> entity(ctx, s)),
                new Route("GET", "/api/graph", Role.VIEWER, "graph",
                        "Country relations: who supplies, produces for, trains, funds, maintains or agrees with whom; edge weight = facts",
                        List.of(Param.query("type", "fact type"), Param.query("from", "first year"), Param.query("to", "last year")),
                        null, ctx -> graph(ctx, s)),
                new Route("GET", "/api/timeline", Role.VIEWER, "graph", "Facts per month and type",
                        List.of(Param.query("type", "fact type"), Param.query("country", "ISO code"), Param.query("name", "actor or item name")),
                        null, ctx -> timeline(ctx, s)));
    }

    private static void search(Context ctx, WebServer.Services s) {
        String q = ctx.queryParam("q");
        int limit = Math.min(100, intParam(ctx.queryParam("limit"), 20));
        List<String> ids = QueryLinker.entityIds(s.pipeline, q);
        List<Store.Hit> hits = s.store.search(new Store.SearchQuery(q, ids, blank(ctx.queryParam("lang")),
                upper(ctx.queryParam("type")), upper(ctx.queryParam("country")), blank(ctx.queryParam("weapon")),
                lower(ctx.queryParam("modality")), date(ctx.queryParam("from")), date(ctx.queryParam("to")), limit));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q == null ? "" : q);
        out.put("entities", ids);
        out.put("hits", hits.stream().map(h -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", h.id());
            o.put("title", h.title());
            o.put("lang", h.lang());
            o.put("date", h.date());
            o.put("snippet", h.snippet());
            o.put("highlights", h.highlights());
            o.put("score", h.score());
            return o;
        }).toList());
        ctx.json(out);
    }

    static Document requireDocument(WebServer.Services s, String id) {
        return s.store.document(id).orElseThrow(() -> new WebServer.NotFound("no document '" + id + "'"));
    }

    private static void document(Context ctx, WebServer.Services s) {
        Document d = requireDocument(s, ctx.pathParam("id"));
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (Mention m : s.store.mentions(d.id())) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("start", m.start());
            o.put("end", m.end());
            o.put("text", m.text());
            o.put("entity", m.entity().id());
            o.put("kind", m.entity().kind().name());
            o.put("name", m.entity().name());
            mentions.add(o);
        }
        User u = WebServer.user(ctx);
        List<Comment> comments = s.team.comments(d.id(), false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("title", d.title());
        out.put("lang", d.lang());
        out.put("date", d.date());
        out.put("author", d.author());
        out.put("site", d.site());
        out.put("source", d.source());
        out.put("rtl", Keys.isRightToLeft(d.text()));
        out.put("text", d.text());
        out.put("mentions", mentions);
        out.put("facts", s.store.facts(Store.FactFilter.ofDoc(d.id())).stream().map(FactJson::toJson).toList());
        out.put("corrections", s.store.corrections(d.id()).stream().map(c -> c.toJson()).toList());
        out.put("comment_count", comments.size());
        out.put("link", s.publicUrl + "/#/doc/" + d.id());
        out.put("viewer", u == null ? null : Map.of("name", u.name(), "role", u.role().code()));
        ctx.json(out);
    }

    private static void ingest(Context ctx, WebServer.Services s) throws Exception {
        JsonNode body = TeamApi.body(ctx);
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw new IllegalArgumentException("the article is empty");
        }
        String name = body.path("name").asText("").strip();
        if (!name.matches("[\\p{L}\\p{N}._-]{1,120}")) {
            throw new IllegalArgumentException("an article's name is 1 to 120 letters, digits or . _ -");
        }
        boolean html = body.has("html") ? body.get("html").asBoolean() : text.stripLeading().startsWith("<");
        String source = body.path("source").asText(name);
        Processed p = s.pipeline.process(new RawDocument(name, source, text, html, "UTF-8"));
        Store.PutResult r = s.store.put(p);
        s.store.flush();
        ctx.status(r == Store.PutResult.STORED ? 201 : 200).json(Map.of("id", p.analyzed().document().id(),
                "result", r.name().toLowerCase(Locale.ROOT), "facts", p.facts().size()));
    }

    private static void facts(Context ctx, WebServer.Services s) {
        int limit = Math.min(5000, intParam(ctx.queryParam("limit"), 500));
        List<Fact> facts = s.store.facts(new Store.FactFilter(blank(ctx.queryParam("doc")), upper(ctx.queryParam("type")),
                upper(ctx.queryParam("country")), lower(ctx.queryParam("modality")), blank(ctx.queryParam("name")), limit));
        ctx.json(Map.of("facts", facts.stream().map(FactJson::toJson).toList()));
    }

    private static void entity(Context ctx, WebServer.Services s) {
        String id = ctx.pathParam("id");
        Entity e = s.store.entity(id);
        if (e == null) {
            throw new WebServer.NotFound("no entity '" + id + "'");
        }
        Map<String, List<String>> names = new TreeMap<>();
        for (KnowledgeBase.Name n : s.pipeline.knowledgeBase().names(id)) {
            names.computeIfAbsent(n.lang(), k -> new ArrayList<>()).add(n.text());
        }
        e.names().forEach((lang, list) -> list.forEach(n -> {
            List<String> l = names.computeIfAbsent(lang, k -> new ArrayList<>());
            if (!l.contains(n)) {
                l.add(n);
            }
        }));
        List<Fact> facts = e.kind() == EntityKind.COUNTRY
                ? s.store.facts(new Store.FactFilter(null, null, e.country() != null ? e.country() : id.substring(id.indexOf(':') + 1), null, null, 500))
                : s.store.facts(new Store.FactFilter(null, null, null, null, e.name(), 500));
        Map<String, String> dates = new HashMap<>();
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Fact f : facts) {
            String when = when(f, dates, s.store);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("when", when);
            o.put("fact", FactJson.toJson(f));
            timeline.add(o);
        }
        // in time order, undated facts last
        timeline.sort(Comparator.comparing((Map<String, Object> o) -> String.valueOf(o.get("when")).isEmpty())
                .thenComparing(o -> String.valueOf(o.get("when"))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("kind", e.kind().name());
        out.put("name", e.name());
        out.put("label", label(e));
        out.put("country", e.country());
        out.put("category", e.category());
        out.put("names", names);
        out.put("timeline", timeline);
        out.put("related", s.store.related(id, 20).stream().map(r -> {
            Entity re = s.store.entity(r.id());
            return Map.of("id", r.id(), "name", re == null ? r.id() : label(re), "kind", re == null ? "" : re.kind().name(),
                    "documents", r.count());
        }).toList());
        out.put("mentions", s.store.mentionsOf(id, 100).stream().map(m -> Map.of("doc", m.doc(), "text", m.text(),
                "start", m.start(), "end", m.end())).toList());
        out.put("documents", s.store.search(Store.SearchQuery.of(null, List.of(id), 50)));
        ctx.json(out);
    }

    /** How a reader calls an entity: its English name where it has one (countries are named by ISO code). */
    static String label(Entity e) {
        List<String> en = e.names().get("en");
        return e.kind() == EntityKind.COUNTRY && en != null && !en.isEmpty() ? en.get(0) : e.name();
    }

    /** When a fact happened: its own time, else its document's date, else "". */
    private static String when(Fact f, Map<String, String> dates, SqlStore store) {
        if (f.time() != null && f.time().start() != null) {
            return f.time().start();
        }
        return dates.computeIfAbsent(f.doc(), id -> store.document(id).map(d -> d.date() == null ? "" : d.date()).orElse(""));
    }

    /** The direction each fact type gives its actors: from → to. Agreement and cooperation parties pair up both ways. */
    private static final Map<FactType, String[]> DIRECTED = Map.of(
            FactType.TRANSFER, new String[] {"supplier", "recipient"},
            FactType.TRAINING, new String[] {"provider", "recipient"},
            FactType.AID, new String[] {"donor", "recipient"},
            FactType.MAINTENANCE, new String[] {"provider", "customer"},
            FactType.PRODUCTION, new String[] {"licensor", "producer"},
            FactType.PROCUREMENT, new String[] {"supplier", "buyer"},
            FactType.COMPETITION, new String[] {"competitors", "market"});

    private static void graph(Context ctx, WebServer.Services s) {
        String type = upper(ctx.queryParam("type"));
        Integer from = year(ctx.queryParam("from"));
        Integer to = year(ctx.queryParam("to"));
        Map<String, Map<String, Object>> edges = new LinkedHashMap<>();
        Map<String, Integer> degree = new HashMap<>();
        Map<String, String> dates = new HashMap<>();
        for (Fact f : s.store.facts(new Store.FactFilter(null, type, null, null, null, 50_000))) {
            String when = when(f, dates, s.store);
            Integer y = when.length() >= 4 ? Integer.valueOf(when.substring(0, 4)) : null;
            if ((from != null || to != null) && (y == null || (from != null && y < from) || (to != null && y > to))) {
                continue;
            }
            List<String[]> pairs = new ArrayList<>();
            String[] dir = DIRECTED.get(f.type());
            if (dir != null) {
                for (String a : countries(f.role(dir[0]))) {
                    for (String b : countries(f.role(dir[1]))) {
                        pairs.add(new String[] {a, b});
                    }
                }
            } else if (f.type() == FactType.AGREEMENT || f.type() == FactType.COOPERATION) {
                List<String> ps = countries(f.role("parties"));
                for (int i = 0; i < ps.size(); i++) {
                    for (int j = i + 1; j < ps.size(); j++) {
                        pairs.add(new String[] {ps.get(i), ps.get(j)});
                    }
                }
            }
            for (String[] p : pairs) {
                if (p[0].equals(p[1])) {
                    continue;
                }
                String key = p[0] + ">" + p[1] + ">" + f.type();
                Map<String, Object> e = edges.computeIfAbsent(key, k -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("source", p[0]);
                    o.put("target", p[1]);
                    o.put("type", f.type().name());
                    o.put("weight", 0);
                    o.put("facts", new ArrayList<String>());
                    return o;
                });
                e.put("weight", (Integer) e.get("weight") + 1);
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) e.get("facts");
                if (ids.size() < 20 && !ids.contains(f.factId())) {
                    ids.add(f.factId());
                }
                degree.merge(p[0], 1, Integer::sum);
                degree.merge(p[1], 1, Integer::sum);
            }
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Map.Entry<String, Integer> n : degree.entrySet()) {
            Entity c = s.store.entity("COUNTRY:" + n.getKey());
            nodes.add(Map.of("id", n.getKey(), "label", c == null ? n.getKey() : label(c), "facts", n.getValue()));
        }
        nodes.sort(Comparator.comparing(n -> String.valueOf(n.get("id"))));
        ctx.json(Map.of("nodes", nodes, "edges", new ArrayList<>(edges.values())));
    }

    private static List<String> countries(List<Arg> args) {
        Set<String> out = new LinkedHashSet<>();
        for (Arg a : args) {
            Arg c = a.atCountryLevel();
            if (c.kind() == EntityKind.COUNTRY && c.name() != null) {
                out.add(c.name());
            }
        }
        return new ArrayList<>(out);
    }

    private static void timeline(Context ctx, WebServer.Services s) {
        Map<String, Map<String, Integer>> months = new TreeMap<>();
        Map<String, String> dates = new HashMap<>();
        for (Fact f : s.store.facts(new Store.FactFilter(null, upper(ctx.queryParam("type")), upper(ctx.queryParam("country")),
                null, blank(ctx.queryParam("name")), 50_000))) {
            String when = when(f, dates, s.store);
            if (when.length() < 7) {
                when = when.length() == 4 ? when + "-01" : "";
            }
            if (!when.isEmpty()) {
                months.computeIfAbsent(when.substring(0, 7), k -> new TreeMap<>()).merge(f.type().name(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        months.forEach((m, types) -> out.add(Map.of("month", m, "types", types,
                "total", types.values().stream().mapToInt(Integer::intValue).sum())));
        ctx.json(Map.of("months", out));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String date(String s) {
        String d = blank(s);
        if (d != null && !d.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new IllegalArgumentException("'" + d + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        return d;
    }

    private static Integer year(String s) {
        String d = blank(s);
        if (d == null) {
            return null;
        }
        if (!d.matches("\\d{4}")) {
            throw new IllegalArgumentException("'" + d + "' is not a year");
        }
        return Integer.valueOf(d);
    }

    static int intParam(String s, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Math.max(1, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number");
        }
    }
}
