package org.armscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.armscope.model.Document;
import org.armscope.store.Store;
import org.armscope.team.Comment;
import org.armscope.team.ComplaintReason;
import org.armscope.team.Correction;
import org.armscope.team.Delivery;
import org.armscope.team.ErrorReport;
import org.armscope.team.ModerationItem;
import org.armscope.team.Role;
import org.armscope.team.Session;
import org.armscope.team.Subscription;
import org.armscope.team.TextPolicy;
import org.armscope.team.User;
import org.armscope.web.Route.Param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The team's work: sessions, accounts, comments, complaints and moderation, error reports, subscriptions and feeds. */
final class TeamApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamApi() {
    }

    static List<Route> routes(WebServer.Services s) {
        return List.of(
                new Route("GET", "/api/session", null, "accounts", "Who is signed in, their CSRF token, and the server's settings",
                        List.of(), null, ctx -> whoAmI(ctx, s)),
                new Route("POST", "/api/session", null, "accounts", "Sign in (sets the session cookie)", List.of(),
                        "{\"name\": user name, \"password\": password}", ctx -> signIn(ctx, s)),
                new Route("DELETE", "/api/session", Role.VIEWER, "accounts", "Sign out", List.of(), null, ctx -> signOut(ctx, s)),
                new Route("GET", "/api/users", Role.ADMIN, "accounts", "Every account", List.of(), null,
                        ctx -> ctx.json(Map.of("users", s.team.users().stream().map(TeamApi::user).toList()))),
                new Route("POST", "/api/users", Role.ADMIN, "accounts", "Create an account", List.of(),
                        "{\"name\", \"password\" (10+ characters), \"role\": viewer|analyst|moderator|admin}", ctx -> createUser(ctx, s)),
                new Route("PUT", "/api/users/{name}/role", Role.ADMIN, "accounts", "Change an account's role",
                        List.of(Param.path("name", "user name")), "{\"role\"}", ctx -> {
                            s.team.setRole(ctx.pathParam("name"), Role.of(body(ctx).path("role").asText("")));
                            ctx.json(Map.of("ok", true));
                        }),
                new Route("GET", "/api/documents/{id}/comments", Role.VIEWER, "comments",
                        "Comments on an article and its facts (hidden ones only for moderators)",
                        List.of(Param.path("id", "document id")), null, ctx -> comments(ctx, s)),
                new Route("POST", "/api/comments", Role.ANALYST, "comments",
                        "Comment on an article or a fact: at most 2,000 characters, no invalid characters", List.of(),
                        "{\"doc\": document id, \"fact_id\": optional, \"body\": text}", ctx -> comment(ctx, s)),
                new Route("GET", "/api/complaint-reasons", null, "comments", "The reasons a complaint may give", List.of(), null,
                        ctx -> ctx.json(Map.of("max", ComplaintReason.MAX, "reasons", Arrays.stream(ComplaintReason.values())
                                .map(r -> Map.of("code", r.code(), "label", r.label())).toList()))),
                new Route("POST", "/api/comments/{id}/complaints", Role.ANALYST, "comments",
                        "Complain about a comment with one to three reasons", List.of(Param.path("id", "comment id")),
                        "{\"reasons\": [codes], \"note\": optional text}", ctx -> complain(ctx, s)),
                new Route("GET", "/api/moderation", Role.MODERATOR, "moderation", "Comments with complaints, open ones first",
                        List.of(Param.query("all", "true: resolved ones too")), null, ctx -> queue(ctx, s)),
                new Route("POST", "/api/moderation/{id}", Role.MODERATOR, "moderation", "Hide or restore a comment",
                        List.of(Param.path("id", "comment id")), "{\"action\": \"hide\" | \"restore\"}", ctx -> moderate(ctx, s)),
                new Route("POST", "/api/reports", Role.ANALYST, "error reports",
                        "Report a wrong entity or fact: the exact selection with its offsets, and a proposed correction", List.of(),
                        "{\"doc\", \"start\", \"end\", \"selection\", \"fact_id\"?, \"proposal\"?: correction, \"note\"?}",
                        ctx -> report(ctx, s)),
                new Route("GET", "/api/reports", Role.MODERATOR, "error reports", "Error reports by status",
                        List.of(Param.query("status", "open | accepted | rejected (default open)")), null,
                        ctx -> ctx.json(Map.of("reports", s.team.reports(statusParam(ctx)).stream().map(TeamApi::report).toList()))),
                new Route("POST", "/api/reports/{id}/accept", Role.MODERATOR, "error reports",
                        "Accept a report: its correction changes the stored fact or entity link, and every later re-extraction",
                        List.of(Param.path("id", "report id")), "{\"correction\"?: replaces the reporter's proposal}", ctx -> accept(ctx, s)),
                new Route("POST", "/api/reports/{id}/reject", Role.MODERATOR, "error reports", "Reject a report",
                        List.of(Param.path("id", "report id")), null, ctx -> {
                            s.team.reject(WebServer.user(ctx), Long.parseLong(ctx.pathParam("id")));
                            ctx.json(Map.of("ok", true));
                        }),
                new Route("GET", "/api/subscriptions", Role.ANALYST, "subscriptions", "Your subscriptions", List.of(), null,
                        ctx -> ctx.json(Map.of("subscriptions", s.team.subscriptionsOf(WebServer.user(ctx)).stream()
                                .map(x -> subscription(x, s, false)).toList()))),
                new Route("POST", "/api/subscriptions", Role.ANALYST, "subscriptions",
                        "Stay informed on a search, an entity or a pair of countries: an Atom feed and, with a webhook address, signed deliveries",
                        List.of(), "{\"label\"?, \"q\"?, \"entity\"?, \"country_a\"?, \"country_b\"?, \"type\"?, \"webhook\"?}",
                        ctx -> subscribe(ctx, s)),
                new Route("DELETE", "/api/subscriptions/{id}", Role.ANALYST, "subscriptions", "Unsubscribe",
                        List.of(Param.path("id", "subscription id")), null, ctx -> {
                            s.team.unsubscribe(WebServer.user(ctx), Long.parseLong(ctx.pathParam("id")));
                            ctx.json(Map.of("ok", true));
                        }),
                new Route("GET", "/api/subscriptions/{id}/deliveries", Role.ANALYST, "subscriptions", "The webhook delivery log",
                        List.of(Param.path("id", "subscription id")), null, ctx -> deliveries(ctx, s)),
                new Route("GET", "/feeds/{file}", null, "subscriptions", "A subscription's Atom feed (the secret token is the access)",
                        List.of(Param.path("file", "<feed token>.atom")), null, ctx -> feed(ctx, s)));
    }

    /** The request's JSON object, or a clear error. */
    static JsonNode body(Context ctx) {
        String b = ctx.body();
        if (b.isBlank()) {
            throw new IllegalArgumentException("the request needs a JSON body");
        }
        try {
            JsonNode n = JSON.readTree(b);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("the request body is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> user(User u) {
        return Map.of("id", u.id(), "name", u.name(), "role", u.role().code());
    }

    private static void whoAmI(Context ctx, WebServer.Services s) {
        Session session = s.team.session(ctx.cookie(WebServer.SESSION_COOKIE)).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", session == null ? null : user(session.user()));
        out.put("csrf", session == null ? null : session.csrf());
        out.put("anonymous_read", s.settings.anonymousRead());
        out.put("comment_max", TextPolicy.COMMENT_MAX);
        ctx.json(out);
    }

    private static void signIn(Context ctx, WebServer.Services s) {
        JsonNode b = body(ctx);
        String name = b.path("name").asText("");
        long wait = s.throttle.waitSeconds(name, ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            ctx.status(429).json(Map.of("error", "too many failed sign-ins; try again in " + wait + " s"));
            return;
        }
        User u = s.team.authenticate(name, b.path("password").asText("")).orElse(null);
        if (u == null) {
            s.throttle.failed(name, ctx.ip());
            throw new IllegalArgumentException("wrong user name or password");
        }
        s.throttle.succeeded(name);
        s.team.closeSession(ctx.cookie(WebServer.SESSION_COOKIE));
        Session session = s.team.openSession(u);
        WebServer.setSessionCookie(ctx, session);
        ctx.json(Map.of("user", user(u), "csrf", session.csrf()));
    }

    private static void signOut(Context ctx, WebServer.Services s) {
        s.team.closeSession(ctx.cookie(WebServer.SESSION_COOKIE));
        WebServer.clearSessionCookie(ctx);
        ctx.json(Map.of("ok", true));
    }

    private static void createUser(Context ctx, WebServer.Services s) {
        JsonNode b = body(ctx);
        User u = s.team.createUser(b.path("name").asText(""), b.path("password").asText(""), Role.of(b.path("role").asText("viewer")));
        ctx.status(201).json(user(u));
    }

    private static Map<String, Object> comment(Comment c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("target", c.targetKind());
        o.put("target_id", c.targetId());
        o.put("doc", c.docId());
        o.put("author", c.author());
        o.put("body", c.body());
        o.put("created", c.created().toString());
        o.put("hidden", c.hidden());
        return o;
    }

    private static void comments(Context ctx, WebServer.Services s) {
        Document d = ReadApi.requireDocument(s, ctx.pathParam("id"));
        User u = WebServer.user(ctx);
        List<Comment> list = s.team.comments(d.id(), u != null && u.can(Role.MODERATOR));
        ctx.json(Map.of("count", list.stream().filter(c -> !c.hidden()).count(), "comments", list.stream().map(TeamApi::comment).toList()));
    }

    private static void comment(Context ctx, WebServer.Services s) {
        JsonNode b = body(ctx);
        Document d = ReadApi.requireDocument(s, b.path("doc").asText(""));
        String factId = ReadApi.blank(b.path("fact_id").asText(null));
        if (factId != null && s.store.facts(Store.FactFilter.ofDoc(d.id())).stream().noneMatch(f -> factId.equals(f.factId()))) {
            throw new IllegalArgumentException("the article states no fact '" + factId + "'");
        }
        Comment c = s.team.addComment(WebServer.user(ctx), factId == null ? "doc" : "fact", factId == null ? d.id() : factId,
                d.id(), b.path("body").isTextual() ? b.get("body").asText() : null);
        ctx.status(201).json(comment(c));
    }

    private static void complain(Context ctx, WebServer.Services s) {
        JsonNode b = body(ctx);
        List<String> reasons = new ArrayList<>();
        b.path("reasons").forEach(r -> reasons.add(r.asText()));
        long id = s.team.complain(WebServer.user(ctx), Long.parseLong(ctx.pathParam("id")), reasons,
                b.path("note").isTextual() ? b.get("note").asText() : null);
        ctx.status(201).json(Map.of("id", id));
    }

    private static void queue(Context ctx, WebServer.Services s) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ModerationItem i : s.team.moderationQueue("true".equals(ctx.queryParam("all")))) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("comment", comment(i.comment()));
            o.put("complaints", i.complaints());
            o.put("open", i.open());
            o.put("reasons", i.reasons());
            items.add(o);
        }
        ctx.json(Map.of("items", items));
    }

    private static void moderate(Context ctx, WebServer.Services s) {
        String action = body(ctx).path("action").asText("");
        if (!action.equals("hide") && !action.equals("restore")) {
            throw new IllegalArgumentException("the action is 'hide' or 'restore'");
        }
        Comment c = s.team.moderate(WebServer.user(ctx), Long.parseLong(ctx.pathParam("id")), action.equals("hide"));
        ctx.json(comment(c));
    }

    private static Map<String, Object> report(ErrorReport r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("doc", r.docId());
        o.put("start", r.start());
        o.put("end", r.end());
        o.put("selection", r.selection());
        o.put("fact_id", r.factId());
        o.put("proposal", r.proposal() == null ? null : r.proposal().toJson());
        o.put("note", r.note());
        o.put("reporter", r.reporter());
        o.put("created", r.created().toString());
        o.put("status", r.status());
        o.put("reviewer", r.reviewer());
        return o;
    }

    private static String statusParam(Context ctx) {
        String st = ctx.queryParam("status");
        if (st == null || st.isBlank()) {
            return "open";
        }
        if (st.equals("all")) {
            return null;
        }
        if (!List.of("open", "accepted", "rejected").contains(st)) {
            throw new IllegalArgumentException("the status is open, accepted, rejected or all");
        }
        return st;
    }

    private static void report(Context ctx, WebServer.Services s) {
        JsonNode b = body(ctx);
        Document d = ReadApi.requireDocument(s, b.path("doc").asText(""));
        int start = b.path("start").asInt(-1);
        int end = b.path("end").asInt(-1);
        String sel = b.path("selection").asText("");
        if (start < 0 || end > d.text().length() || end <= start || !d.text().substring(start, end).equals(sel)) {
            throw new IllegalArgumentException("the selection does not match the article's text at those offsets");
        }
        String factId = ReadApi.blank(b.path("fact_id").asText(null));
        Correction proposal = b.hasNonNull("proposal") ? Correction.fromJson(b.get("proposal")) : null;
        ErrorReport r = s.team.report(WebServer.user(ctx), d.id(), start, end, sel, factId, proposal,
                b.path("note").isTextual() ? b.get("note").asText() : null);
        ctx.status(201).json(report(r));
    }

    private static void accept(Context ctx, WebServer.Services s) {
        JsonNode b = ctx.body().isBlank() ? JSON.createObjectNode() : body(ctx);
        long id = Long.parseLong(ctx.pathParam("id"));
        Correction reviewed = b.hasNonNull("correction") ? Correction.fromJson(b.get("correction")) : null;
        Correction c = s.team.accept(WebServer.user(ctx), id, reviewed);
        String doc = s.team.report(id).orElseThrow().docId();
        s.store.reapplyCorrections(doc);
        ctx.json(Map.of("ok", true, "correction", c.toJson()));
    }

    private static Map<String, Object> subscription(Subscription x, WebServer.Services s, boolean withSecret) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", x.id());
        o.put("label", x.label());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("q", x.query().q());
        q.put("entity", x.query().entity());
        q.put("country_a", x.query().countryA());
        q.put("country_b", x.query().countryB());
        q.put("type", x.query().factType());
        o.put("query", q);
        o.put("feed", s.publicUrl + "/feeds/" + x.feedToken() + ".atom");
        o.put("webhook", x.webhookUrl());
        if (withSecret) {
            o.put("secret", x.secret());
        }
        o.put("created", x.created().toString());
        return o;
    }

    private static void subscribe(Context ctx, WebServer.Services s) {
        JsonNode b = body(ctx);
        Subscription.Query q = new Subscription.Query(b.path("q").asText(null), b.path("entity").asText(null),
                ReadApi.upper(b.path("country_a").asText(null)), ReadApi.upper(b.path("country_b").asText(null)),
                ReadApi.upper(b.path("type").asText(null)));
        Subscription x = s.team.subscribe(WebServer.user(ctx), b.path("label").asText(null), q, b.path("webhook").asText(null));
        // the signing secret is shown once, now; the delivery log never shows it
        ctx.status(201).json(subscription(x, s, true));
    }

    private static void deliveries(Context ctx, WebServer.Services s) {
        long id = Long.parseLong(ctx.pathParam("id"));
        Subscription x = s.team.subscription(id).filter(y -> y.userId() == WebServer.user(ctx).id())
                .orElseThrow(() -> new WebServer.NotFound("no subscription " + id + " of yours"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Delivery d : s.team.deliveries(x.id(), 200)) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", d.id());
            o.put("doc", d.docId());
            o.put("status", d.status());
            o.put("attempts", d.attempts());
            o.put("last_code", d.lastCode());
            o.put("last_error", d.lastError());
            o.put("next_attempt", Delivery.PENDING.equals(d.status()) ? d.nextAttempt().toString() : null);
            o.put("created", d.created().toString());
            o.put("delivered", d.delivered() == null ? null : d.delivered().toString());
            out.add(o);
        }
        ctx.json(Map.of("deliveries", out));
    }

    private static void feed(Context ctx, WebServer.Services s) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".atom")) {
            throw new WebServer.NotFound("no feed");
        }
        Subscription x = s.team.byFeedToken(file.substring(0, file.length() - ".atom".length()))
                .orElseThrow(() -> new WebServer.NotFound("no feed"));
        String xml = AtomFeed.write(x, s.alerts.feed(x, 50), id -> s.store.facts(Store.FactFilter.ofDoc(id)), s.publicUrl);
        ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
    }
}
