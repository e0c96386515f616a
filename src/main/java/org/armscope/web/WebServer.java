package org.armscope.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import org.armscope.facts.FactJson;
import org.armscope.model.Document;
import org.armscope.model.Entity;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.pipeline.Pipeline;
import org.armscope.pipeline.QueryLinker;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import org.armscope.text.Keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web app: a JSON API over the store and a single-page front end (static files under
 * {@code /web}) that builds every page from that API, inserting text only as text (never as HTML).
 */
public final class WebServer {
    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    public static WebServer start(SqlStore store, Pipeline pipeline, String host, int port) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            cfg.http.defaultContentType = "application/json";
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
            ctx.header("Referrer-Policy", "same-origin");
        });
        app.get("/api/search", ctx -> search(ctx, store, pipeline));
        app.get("/api/documents/{id}", ctx -> document(ctx, store));
        app.get("/api/facts", ctx -> facts(ctx, store));
        app.get("/api/entities/{id}", ctx -> entity(ctx, store, pipeline));
        app.get("/api/health", ctx -> ctx.json(Map.of("documents", store.documentCount())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
        app.start(host, port);
        return new WebServer(app);
    }

    private static void search(Context ctx, SqlStore store, Pipeline pipeline) {
        String q = ctx.queryParam("q");
        int limit = Math.min(100, parseInt(ctx.queryParam("limit"), 20));
        List<String> ids = QueryLinker.entityIds(pipeline, q);
        List<Store.Hit> hits = store.search(new Store.SearchQuery(q, ids, blank(ctx.queryParam("lang")),
                blank(ctx.queryParam("type")), blank(ctx.queryParam("country")), blank(ctx.queryParam("weapon")), limit));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q == null ? "" : q);
        out.put("entities", ids);
        out.put("hits", hits);
        ctx.json(out);
    }

    private static void document(Context ctx, SqlStore store) {
        String id = ctx.pathParam("id");
        Document d = store.document(id).orElse(null);
        if (d == null) {
            ctx.status(404).json(Map.of("error", "no document '" + id + "'"));
            return;
        }
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (Mention m : store.mentions(id)) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("start", m.start());
            o.put("end", m.end());
            o.put("text", m.text());
            o.put("entity", m.entity().id());
            o.put("kind", m.entity().kind().name());
            o.put("name", m.entity().name());
            mentions.add(o);
        }
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
        out.put("facts", store.facts(Store.FactFilter.ofDoc(id)).stream().map(FactJson::toJson).toList());
        ctx.json(out);
    }

    private static void facts(Context ctx, SqlStore store) {
        int limit = Math.min(5000, parseInt(ctx.queryParam("limit"), 500));
        List<Fact> facts = store.facts(new Store.FactFilter(blank(ctx.queryParam("doc")), blank(ctx.queryParam("type")),
                blank(ctx.queryParam("country")), blank(ctx.queryParam("modality")), blank(ctx.queryParam("name")), limit));
        ctx.json(Map.of("facts", facts.stream().map(FactJson::toJson).toList()));
    }

    private static void entity(Context ctx, SqlStore store, Pipeline pipeline) {
        String id = ctx.pathParam("id");
        Entity e = pipeline.knowledgeBase().get(id);
        if (e == null) {
            ctx.status(404).json(Map.of("error", "no entity '" + id + "'"));
            return;
        }
        List<Store.Hit> docs = store.search(Store.SearchQuery.of(null, List.of(id), 50));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("kind", e.kind().name());
        out.put("name", e.name());
        out.put("country", e.country());
        out.put("category", e.category());
        out.put("names", e.names());
        out.put("documents", docs);
        ctx.json(out);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int parseInt(String s, int dflt) {
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
