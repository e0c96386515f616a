package org.armscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.armscope.TestPipeline;
import org.armscope.model.RawDocument;
import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.armscope.team.Delivery;
import org.armscope.team.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API over HTTP against a real server and store: access control, CSRF, origin, OpenAPI, feeds, webhooks. */
class WebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery";
    private static SqlStore store;
    private static WebServer server;
    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("armscope-api");
        pipeline = TestPipeline.get();
        store = SqlStore.open(data, pipeline.knowledgeBase());
        store.put(pipeline.process(new RawDocument("plain", "test", "Россия передала Казахстану зенитные комплексы С-300.", false, "UTF-8")));
        store.flush();
        // reading is closed to anonymous visitors here (the default)
        server = WebServer.start(store, pipeline, WebServer.Settings.of("127.0.0.1", 0).withBcryptCost(4)
                .withAlerts(Duration.ofHours(1), Duration.ofMillis(50), 3));
        server.team().createUser("ana", PASSWORD, Role.ANALYST);
        server.team().createUser("mo", PASSWORD, Role.MODERATOR);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    /** A browser-like client: its own cookie jar and the CSRF token of its session. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf;

        HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (headers.length > 0) {
                b.headers(headers);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> change(String method, String path, String body) throws Exception {
            return send(method, path, body, WebServer.CSRF_HEADER, csrf == null ? "" : csrf);
        }

        Client signIn(String name) throws Exception {
            HttpResponse<String> r = send("POST", "/api/session", "{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(200, r.statusCode(), r.body());
            csrf = JSON.readTree(r.body()).get("csrf").asText();
            return this;
        }
    }

    @Test
    void readingNeedsASessionUnlessOpenedByTheSetting() throws Exception {
        Client anonymous = new Client();
        assertEquals(401, anonymous.send("GET", "/api/search?q=S-300", null).statusCode());
        assertEquals(401, anonymous.send("GET", "/api/documents/plain", null).statusCode());
        assertEquals(200, anonymous.send("GET", "/api/health", null).statusCode());
        assertEquals(200, anonymous.send("GET", "/openapi.json", null).statusCode());
        Client ana = new Client().signIn("ana");
        HttpResponse<String> r = ana.send("GET", "/api/search?q=S-300", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"plain\""), r.body());
    }

    @Test
    void wrongPasswordsAreRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        Client c = new Client();
        HttpResponse<String> a = c.send("POST", "/api/session", "{\"name\":\"ana\",\"password\":\"nope\"}");
        HttpResponse<String> b = c.send("POST", "/api/session", "{\"name\":\"nobody\",\"password\":\"nope\"}");
        assertEquals(400, a.statusCode());
        assertEquals(a.body(), b.body());
    }

    @Test
    void repeatedWrongPasswordsArePaused() throws Exception {
        server.team().createUser("guessme", PASSWORD, Role.VIEWER);
        Client c = new Client();
        for (int i = 0; i < 10; i++) {
            assertEquals(400, c.send("POST", "/api/session", "{\"name\":\"guessme\",\"password\":\"guess" + i + "\"}").statusCode());
        }
        HttpResponse<String> r = c.send("POST", "/api/session", "{\"name\":\"guessme\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(429, r.statusCode(), "even the right password waits once the limit is reached");
        assertTrue(r.headers().firstValue("Retry-After").isPresent());
        assertTrue(r.body().contains("too many failed sign-ins"), r.body());
    }

    @Test
    void changesNeedTheCsrfTokenAndTheSameOrigin() throws Exception {
        Client ana = new Client().signIn("ana");
        String comment = "{\"doc\":\"plain\",\"body\":\"a comment\"}";
        HttpResponse<String> noToken = ana.send("POST", "/api/comments", comment);
        assertEquals(403, noToken.statusCode());
        assertTrue(noToken.body().contains("CSRF"), noToken.body());
        assertEquals(403, ana.send("POST", "/api/comments", comment, WebServer.CSRF_HEADER, "forged").statusCode());
        assertEquals(403, ana.send("POST", "/api/comments", comment, WebServer.CSRF_HEADER, ana.csrf,
                "Origin", "http://evil.example").statusCode());
        assertEquals(201, ana.change("POST", "/api/comments", comment).statusCode());
        // a session's token does not work with another session
        Client other = new Client().signIn("ana");
        assertEquals(403, other.send("POST", "/api/comments", comment, WebServer.CSRF_HEADER, ana.csrf).statusCode());
    }

    @Test
    void rolesAreEnforcedOnTheServer() throws Exception {
        Client ana = new Client().signIn("ana");
        assertEquals(403, ana.send("GET", "/api/moderation", null).statusCode());
        assertEquals(403, ana.send("GET", "/api/users", null).statusCode());
        assertEquals(403, ana.change("POST", "/api/users", "{\"name\":\"eve\",\"password\":\"0123456789a\",\"role\":\"admin\"}").statusCode());
        Client mo = new Client().signIn("mo");
        assertEquals(200, mo.send("GET", "/api/moderation", null).statusCode());
        assertEquals(403, mo.send("GET", "/api/users", null).statusCode());
    }

    @Test
    void invalidCommentsAreRefusedAndNothingIsStored() throws Exception {
        Client ana = new Client().signIn("ana");
        int before = server.team().comments("plain", true).size();
        String tooLong = JSON.writeValueAsString(java.util.Map.of("doc", "plain", "body", "ж".repeat(2001)));
        HttpResponse<String> r = ana.change("POST", "/api/comments", tooLong);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("at most 2,000"), r.body());
        r = ana.change("POST", "/api/comments", "{\"doc\":\"plain\",\"body\":\"bad \\u0000 byte\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("the text contains invalid characters"), r.body());
        r = ana.change("POST", "/api/comments", "{\"doc\":\"plain\",\"body\":\"lone \\udfff\"}");
        assertTrue(r.body().contains("the text contains invalid characters"), r.body());
        r = ana.change("POST", "/api/comments", "{not json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("not valid JSON"), r.body());
        assertEquals(before, server.team().comments("plain", true).size());
    }

    @Test
    void reportsMustQuoteTheArticleExactly() throws Exception {
        Client ana = new Client().signIn("ana");
        HttpResponse<String> r = ana.change("POST", "/api/reports",
                "{\"doc\":\"plain\",\"start\":0,\"end\":6,\"selection\":\"Польша\",\"note\":\"wrong country\"}");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("does not match the article"), r.body());
        r = ana.change("POST", "/api/reports", "{\"doc\":\"plain\",\"start\":0,\"end\":6,\"selection\":\"Россия\",\"note\":\"wrong country\"}");
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() throws Exception {
        JsonNode doc = JSON.readTree(new Client().send("GET", "/openapi.json", null).body());
        assertEquals("3.1.0", doc.get("openapi").asText());
        JsonNode paths = doc.get("paths");
        for (String p : List.of("/api/search", "/api/documents/{id}", "/api/entities/{id}", "/api/facts", "/api/comments",
                "/api/comments/{id}/complaints", "/api/reports", "/api/reports/{id}/accept", "/api/subscriptions",
                "/api/subscriptions/{id}/deliveries", "/api/moderation", "/api/moderation/{id}", "/api/graph", "/api/timeline",
                "/api/session", "/api/users")) {
            assertTrue(paths.has(p), "OpenAPI lacks " + p);
        }
        assertEquals("moderator", paths.get("/api/moderation").get("get").get("x-role").asText());
    }

    @Test
    void feedsAreAtomAndWebhooksGiveUpAfterTheirAttempts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer failing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        failing.createContext("/", ex -> {
            calls.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        failing.start();
        try {
            Client ana = new Client().signIn("ana");
            HttpResponse<String> r = ana.change("POST", "/api/subscriptions",
                    "{\"entity\":\"WEAPON:S-300\",\"webhook\":\"http://127.0.0.1:" + failing.getAddress().getPort() + "/x\"}");
            assertEquals(201, r.statusCode(), r.body());
            JsonNode sub = JSON.readTree(r.body());
            store.put(pipeline.process(new RawDocument("s300_again", "test",
                    "Беларусь получила от России дивизион С-300 в 2026 году.", false, "UTF-8")));
            store.flush();
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                server.runAlerts();
                Thread.sleep(60);
                var log = server.team().deliveries(sub.get("id").asLong(), 10);
                if (!log.isEmpty() && Delivery.FAILED.equals(log.get(0).status())) {
                    statuses.add(log.get(0).status());
                    assertEquals(3, log.get(0).attempts());
                    assertEquals(500, log.get(0).lastCode());
                    break;
                }
            }
            assertEquals(List.of(Delivery.FAILED), statuses, "given up after three attempts");
            assertEquals(3, calls.get());

            HttpResponse<String> feed = new Client().send("GET", URI.create(sub.get("feed").asText()).getPath(), null);
            assertEquals(200, feed.statusCode());
            assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
            var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals("feed", xml.getDocumentElement().getLocalName() == null ? xml.getDocumentElement().getNodeName()
                    : xml.getDocumentElement().getLocalName());
            assertTrue(feed.body().contains("urn:armscope:doc:s300_again"), feed.body());
            assertEquals(404, new Client().send("GET", "/feeds/not-a-token.atom", null).statusCode());
        } finally {
            failing.stop(0);
        }
    }
}
