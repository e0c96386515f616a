package org.armscope.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.armscope.team.Role;
import org.armscope.team.Session;
import org.armscope.team.TeamStore;
import org.armscope.team.User;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web app: a JSON API over the store and the team's work, described at {@code /openapi.json},
 * and a single-page front end (static files under {@code /web}) that builds every page from that
 * API, inserting text only as text. Access: each route names the least role it needs; reading is
 * open to anonymous viewers only when {@link Settings#anonymousRead()} says so; every request
 * that changes something needs a session cookie (HttpOnly, SameSite=Strict) and its CSRF token
 * in {@value #CSRF_HEADER}, and a cross-origin {@code Origin} is refused.
 */
public final class WebServer {
    public static final String SESSION_COOKIE = "armscope_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** How the server runs. */
    public record Settings(String host, int port, boolean anonymousRead, String publicUrl, Duration alertsEvery,
                           Duration webhookBackoff, int webhookAttempts, int bcryptCost) {
        public static Settings of(String host, int port) {
            return new Settings(host, port, false, null, Duration.ofSeconds(30), Duration.ofSeconds(30), 6, 12);
        }

        public Settings withAnonymousRead(boolean open) {
            return new Settings(host, port, open, publicUrl, alertsEvery, webhookBackoff, webhookAttempts, bcryptCost);
        }

        public Settings withAlerts(Duration every, Duration backoff, int attempts) {
            return new Settings(host, port, anonymousRead, publicUrl, every, backoff, attempts, bcryptCost);
        }

        public Settings withBcryptCost(int cost) {
            return new Settings(host, port, anonymousRead, publicUrl, alertsEvery, webhookBackoff, webhookAttempts, cost);
        }

        public Settings withPublicUrl(String url) {
            return new Settings(host, port, anonymousRead, url, alertsEvery, webhookBackoff, webhookAttempts, bcryptCost);
        }
    }

    private final Javalin app;
    private final TeamStore team;
    private final Alerts alerts;

    private WebServer(Javalin app, TeamStore team, Alerts alerts) {
        this.app = app;
        this.team = team;
        this.alerts = alerts;
    }

    public int port() {
        return app.port();
    }

    public TeamStore team() {
        return team;
    }

    /** Runs one round of subscription matching and webhook delivery now (tests; the server also runs it on a timer). */
    public void runAlerts() {
        alerts.runOnce();
    }

    public void stop() {
        alerts.close();
        app.stop();
        team.close();
    }

    public static WebServer start(SqlStore store, Pipeline pipeline, Settings settings) {
        TeamStore team;
        try {
            team = new TeamStore(store.newConnection(), settings.bcryptCost());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the team's tables: " + e.getMessage(), e);
        }
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            cfg.http.defaultContentType = "application/json";
            cfg.http.maxRequestSize = 25_000_000L;
        });
        Services services = new Services(store, team, pipeline, settings);
        List<Route> routes = new ArrayList<>();
        routes.addAll(ReadApi.routes(services));
        routes.addAll(TeamApi.routes(services));
        routes.add(new Route("GET", "/openapi.json", null, "meta", "This document", List.of(), null,
                ctx -> ctx.json(OpenApi.document(routes, "1"))));
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                    + "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        for (Route r : routes) {
            app.addHttpHandler(HandlerType.valueOf(r.method()), r.path(), ctx -> guarded(r, ctx, services));
        }
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
        app.exception(SecurityException.class, (e, ctx) -> ctx.status(403).json(Map.of("error", e.getMessage())));
        app.exception(NotFound.class, (e, ctx) -> ctx.status(404).json(Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            System.err.println("armscope: " + ctx.method() + " " + ctx.path() + ": " + e);
            ctx.status(500).json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        });
        app.start(settings.host(), settings.port());
        if (services.publicUrl == null) {
            services.publicUrl = "http://" + settings.host() + ":" + app.port(); // the port is known once listening
        }
        services.alerts.start(settings.alertsEvery());
        return new WebServer(app, team, services.alerts);
    }

    /** A missing document, entity or record: 404 with the message. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** What the handlers use. */
    static final class Services {
        final SqlStore store;
        final TeamStore team;
        final Pipeline pipeline;
        final Alerts alerts;
        final Settings settings;
        /** Ten failed sign-ins per user name, fifty per address, in fifteen minutes; then a pause. */
        final LoginThrottle throttle = new LoginThrottle(10, 50, Duration.ofMinutes(15));
        /** Where users reach the server: the setting, else the address it listens on. */
        volatile String publicUrl;

        Services(SqlStore store, TeamStore team, Pipeline pipeline, Settings settings) {
            this.store = store;
            this.team = team;
            this.pipeline = pipeline;
            this.settings = settings;
            this.publicUrl = settings.publicUrl();
            this.alerts = new Alerts(store, team, pipeline, () -> publicUrl, settings.webhookBackoff(), settings.webhookAttempts());
        }
    }

    /** The access check in front of every route: session, role, CSRF token and origin. */
    private static void guarded(Route r, Context ctx, Services s) throws Exception {
        Optional<Session> session = s.team.session(ctx.cookie(SESSION_COOKIE));
        User user = session.map(Session::user).orElse(null);
        if (r.changesState() && !sameOrigin(ctx)) {
            ctx.status(403).json(Map.of("error", "cross-origin request refused"));
            return;
        }
        if (r.role() != null) {
            boolean anonymousOk = r.role() == Role.VIEWER && !r.changesState() && s.settings.anonymousRead();
            if (user == null && !anonymousOk) {
                ctx.status(401).json(Map.of("error", "sign in first"));
                return;
            }
            if (user != null && !user.can(r.role())) {
                ctx.status(403).json(Map.of("error", "this needs the " + r.role().code() + " role"));
                return;
            }
            if (r.changesState() && !session.get().csrf().equals(ctx.header(CSRF_HEADER))) {
                ctx.status(403).json(Map.of("error", "missing or wrong CSRF token; reload the page"));
                return;
            }
        }
        ctx.attribute("user", user);
        session.ifPresent(x -> ctx.attribute("session", x));
        r.handler().handle(ctx);
    }

    /** True unless the browser says the request comes from another origin. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI o = URI.create(origin);
            String host = ctx.header("Host");
            return host != null && host.equalsIgnoreCase(o.getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static User user(Context ctx) {
        return ctx.attribute("user");
    }

    static void setSessionCookie(Context ctx, Session session) {
        ctx.cookie(new io.javalin.http.Cookie(SESSION_COOKIE, session.token(), "/",
                (int) TeamStore.SESSION_LIFETIME.toSeconds(), ctx.scheme().equals("https"), 0, true, null, null, SameSite.STRICT));
    }

    static void clearSessionCookie(Context ctx) {
        ctx.cookie(new io.javalin.http.Cookie(SESSION_COOKIE, "", "/", 0, ctx.scheme().equals("https"), 0, true, null, null,
                SameSite.STRICT));
    }
}
