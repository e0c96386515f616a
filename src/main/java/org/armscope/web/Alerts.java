package org.armscope.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.armscope.facts.FactJson;
import org.armscope.model.Arg;
import org.armscope.model.Document;
import org.armscope.model.EntityKind;
import org.armscope.model.Fact;
import org.armscope.pipeline.Pipeline;
import org.armscope.pipeline.QueryLinker;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import org.armscope.team.Delivery;
import org.armscope.team.Subscription;
import org.armscope.team.TeamStore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Subscriptions at work: which documents a subscription follows (for its Atom feed and its
 * webhook), and the webhook deliveries. A background task looks for documents stored since each
 * subscription's cursor, queues one delivery per matching document, and posts due deliveries,
 * signed: {@code X-Armscope-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))}
 * with {@code X-Armscope-Timestamp} the Unix time in seconds. A failed attempt (no answer, or a
 * status outside 2xx) is retried after {@code backoff × 2^(attempts-1)}, at most one hour, until
 * {@code maxAttempts}; then the delivery is marked failed. Every attempt shows in the delivery log.
 */
final class Alerts implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqlStore store;
    private final TeamStore team;
    private final Pipeline pipeline;
    private final java.util.function.Supplier<String> publicUrl;
    private final Duration backoff;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private ScheduledExecutorService timer;

    Alerts(SqlStore store, TeamStore team, Pipeline pipeline, java.util.function.Supplier<String> publicUrl, Duration backoff,
           int maxAttempts) {
        this.store = store;
        this.team = team;
        this.pipeline = pipeline;
        this.publicUrl = publicUrl;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    void start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "armscope-alerts");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                System.err.println("armscope: alerts: " + e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: queue deliveries for new documents, then post every due delivery. */
    synchronized void runOnce() {
        for (Subscription s : team.allSubscriptions()) {
            if (s.webhookUrl() == null) {
                continue;
            }
            List<SqlStore.Stamped> fresh = store.documentsSince(s.cursor(), 500);
            if (fresh.isEmpty()) {
                continue;
            }
            Set<String> hits = matching(s.query(), fresh.stream().map(SqlStore.Stamped::id).toList());
            for (SqlStore.Stamped d : fresh) {
                if (hits.contains(d.id())) {
                    team.enqueue(s.id(), d.id(), payload(s, d.id()));
                }
            }
            team.advanceCursor(s.id(), fresh.get(fresh.size() - 1).ingested());
        }
        for (Delivery d : team.due(Instant.now(), 100)) {
            team.subscription(d.subscriptionId()).ifPresent(s -> post(s, d));
        }
    }

    private void post(Subscription s, Delivery d) {
        long ts = Instant.now().getEpochSecond();
        Integer code = null;
        String error;
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.webhookUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Armscope-Webhook/1")
                    .header("X-Armscope-Delivery", Long.toString(d.id()))
                    .header("X-Armscope-Timestamp", Long.toString(ts))
                    .header("X-Armscope-Signature", "sha256=" + sign(s.secret(), ts + "." + d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
            code = r.statusCode();
            if (code / 100 == 2) {
                team.delivered(d.id(), code);
                return;
            }
            error = "the receiver answered " + code;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = d.attempts() + 1;
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(Duration.ofHours(1)) > 0) {
            wait = Duration.ofHours(1);
        }
        Instant next = attempts >= maxAttempts ? null : Instant.now().plus(wait);
        team.attemptFailed(d.id(), code, error, next);
    }

    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String payload(Subscription s, String docId) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode sub = o.putObject("subscription");
        sub.put("id", s.id());
        sub.put("label", s.label());
        Document d = store.document(docId).orElseThrow();
        ObjectNode doc = o.putObject("document");
        doc.put("id", d.id());
        doc.put("title", d.title());
        doc.put("lang", d.lang());
        doc.put("date", d.date());
        doc.put("link", publicUrl.get() + "/#/doc/" + d.id());
        ArrayNode facts = o.putArray("facts");
        store.facts(Store.FactFilter.ofDoc(docId)).forEach(f -> facts.add(FactJson.toJson(f)));
        return o.toString();
    }

    /** The documents among {@code candidates} that the subscription follows. */
    Set<String> matching(Subscription.Query q, Collection<String> candidates) {
        Set<String> out = new LinkedHashSet<>(candidates);
        if (q.q() != null) {
            List<String> ids = QueryLinker.entityIds(pipeline, q.q());
            Set<String> found = new LinkedHashSet<>();
            store.search(Store.SearchQuery.of(q.q(), ids, 10_000)).forEach(h -> found.add(h.id()));
            out.retainAll(found);
        }
        if (q.entity() != null) {
            out.removeIf(id -> store.mentions(id).stream().noneMatch(m -> m.entity().id().equals(q.entity())));
        }
        if (q.countryA() != null || q.factType() != null) {
            out.removeIf(id -> store.facts(Store.FactFilter.ofDoc(id)).stream().noneMatch(f -> factMatches(q, f)));
        }
        return out;
    }

    private static boolean factMatches(Subscription.Query q, Fact f) {
        if (q.factType() != null && !f.type().name().equals(q.factType())) {
            return false;
        }
        if (q.countryA() == null) {
            return true;
        }
        Set<String> countries = new LinkedHashSet<>();
        for (List<Arg> values : f.roles().values()) {
            for (Arg a : values) {
                if (a.kind() == EntityKind.COUNTRY) {
                    countries.add(a.name());
                } else if (a.kind() != null && a.kind() != EntityKind.WEAPON && a.kind() != EntityKind.CATEGORY && a.country() != null) {
                    countries.add(a.country());
                }
            }
        }
        return countries.contains(q.countryA()) && (q.countryB() == null || countries.contains(q.countryB()));
    }

    /** The newest documents the subscription follows, for its feed. */
    List<Document> feed(Subscription s, int limit) {
        List<String> recent = store.recentDocuments(2000).stream().map(SqlStore.Stamped::id).toList();
        List<Document> out = new ArrayList<>();
        for (String id : matching(s.query(), recent)) {
            store.document(id).ifPresent(out::add);
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
