package org.armscope.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts, sessions, comments, complaints, error reports, corrections and subscriptions, in the
 * store's SQL database (schema {@code V2__team.sql}). Every method validates its input and throws
 * {@link IllegalArgumentException} with a message fit for the user; nothing is stored then.
 */
public final class TeamStore implements AutoCloseable {
    public static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,80}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Connection db;
    private final BCryptPasswordEncoder passwords;
    /** A hash to verify against when the user does not exist, so that timing tells nothing. */
    private final String dummyHash;

    public TeamStore(Connection db) {
        this(db, 12);
    }

    /** {@code bcryptCost}: 12 in production; tests may use the minimum (4) to stay fast. */
    public TeamStore(Connection db, int bcryptCost) {
        this.db = db;
        this.passwords = new BCryptPasswordEncoder(bcryptCost);
        this.dummyHash = passwords.encode("armscope-no-such-user");
    }

    // ---- accounts and sessions ----

    public synchronized User createUser(String name, String password, Role role) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 2 to 80 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("a password has at least 10 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("a password has at most 72 bytes (bcrypt reads no further)");
        }
        if (user(name).isPresent()) {
            throw new IllegalArgumentException("the user '" + name + "' exists");
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO users (name, pass_hash, role, created_at) VALUES (?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, name);
            ins.setString(2, passwords.encode(password));
            ins.setString(3, role.code());
            ins.setTimestamp(4, now());
            ins.executeUpdate();
            return new User(generatedKey(ins), name, role);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)));
    }

    public synchronized Optional<User> user(String name) {
        return first("SELECT id, name, role FROM users WHERE name = ?", TeamStore::user, name);
    }

    public synchronized List<User> users() {
        return list("SELECT id, name, role FROM users ORDER BY name", 0, TeamStore::user);
    }

    public synchronized long userCount() {
        return count("SELECT COUNT(*) FROM users");
    }

    public synchronized void setRole(String name, Role role) {
        if (update("UPDATE users SET role = ? WHERE name = ?", role.code(), name) == 0) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
    }

    /** The user if the password is theirs; the same work is done whether or not the user exists. */
    public Optional<User> authenticate(String name, String password) {
        String hash = null;
        User u = null;
        synchronized (this) {
            try (PreparedStatement q = db.prepareStatement("SELECT id, name, role, pass_hash FROM users WHERE name = ?")) {
                q.setString(1, name == null ? "" : name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        u = new User(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)));
                        hash = rs.getString(4);
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        boolean ok = passwords.matches(password == null ? "" : password, hash == null ? dummyHash : hash);
        return ok && u != null ? Optional.of(u) : Optional.empty();
    }

    public synchronized Session openSession(User user) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = Instant.now().plus(SESSION_LIFETIME);
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO sessions (token_hash, user_id, csrf, expires_at) VALUES (?,?,?,?)")) {
            ins.setString(1, sha256(token));
            ins.setLong(2, user.id());
            ins.setString(3, csrf);
            ins.setTimestamp(4, Timestamp.from(expires));
            ins.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        return new Session(token, csrf, user, expires);
    }

    public synchronized Optional<Session> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try (PreparedStatement q = db.prepareStatement("SELECT u.id, u.name, u.role, s.csrf, s.expires_at FROM sessions s "
                + "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?")) {
            q.setString(1, sha256(token));
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant expires = rs.getTimestamp(5).toInstant();
                if (expires.isBefore(Instant.now())) {
                    update("DELETE FROM sessions WHERE token_hash = ?", sha256(token));
                    return Optional.empty();
                }
                User u = new User(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)));
                return Optional.of(new Session(token, rs.getString(4), u, expires));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized void closeSession(String token) {
        if (token != null) {
            update("DELETE FROM sessions WHERE token_hash = ?", sha256(token));
        }
    }

    // ---- comments ----

    public synchronized Comment addComment(User author, String targetKind, String targetId, String docId, String body) {
        if (!"doc".equals(targetKind) && !"fact".equals(targetKind)) {
            throw new IllegalArgumentException("a comment is on a document or on a fact");
        }
        if (targetId == null || targetId.isBlank() || targetId.length() > 200) {
            throw new IllegalArgumentException("the comment's document or fact is missing");
        }
        String text = TextPolicy.check(body, TextPolicy.COMMENT_MAX);
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO comments (target_kind, target_id, doc_id, user_id, body, "
                + "created_at, hidden) VALUES (?,?,?,?,?,?,FALSE)", Statement.RETURN_GENERATED_KEYS)) {
            Timestamp t = now();
            ins.setString(1, targetKind);
            ins.setString(2, targetId);
            ins.setString(3, docId);
            ins.setLong(4, author.id());
            ins.setString(5, text);
            ins.setTimestamp(6, t);
            ins.executeUpdate();
            return new Comment(generatedKey(ins), targetKind, targetId, docId, author.name(), text, t.toInstant(), false);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static final String COMMENT_COLUMNS = "c.id, c.target_kind, c.target_id, c.doc_id, u.name, c.body, c.created_at, c.hidden";

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8));
    }

    /** The comments of a document: on the document itself and on its facts; hidden ones only for moderators. */
    public synchronized List<Comment> comments(String docId, boolean withHidden) {
        return list("SELECT " + COMMENT_COLUMNS + " FROM comments c JOIN users u ON u.id = c.user_id "
                + "WHERE (c.doc_id = ? OR (c.target_kind = 'doc' AND c.target_id = ?))" + (withHidden ? "" : " AND c.hidden = FALSE")
                + " ORDER BY c.id", 0, TeamStore::comment, docId, docId);
    }

    public synchronized Optional<Comment> comment(long id) {
        return first("SELECT " + COMMENT_COLUMNS + " FROM comments c JOIN users u ON u.id = c.user_id WHERE c.id = ?",
                TeamStore::comment, id);
    }

    // ---- complaints and moderation ----

    public synchronized long complain(User user, long commentId, List<String> reasonCodes, String note) {
        List<ComplaintReason> reasons = ComplaintReason.parse(reasonCodes);
        Comment c = comment(commentId).orElseThrow(() -> new IllegalArgumentException("no comment " + commentId));
        if (c.hidden()) {
            throw new IllegalArgumentException("the comment is already hidden");
        }
        String checkedNote = note == null || note.isBlank() ? null : TextPolicy.check(note, TextPolicy.COMMENT_MAX);
        if (reasons.contains(ComplaintReason.OTHER) && checkedNote == null) {
            throw new IllegalArgumentException("say what is wrong when the reason is 'other'");
        }
        if (count("SELECT COUNT(*) FROM complaints WHERE comment_id = ? AND user_id = ?", commentId, user.id()) > 0) {
            throw new IllegalArgumentException("you have already complained about this comment");
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO complaints (comment_id, user_id, reasons, note, created_at) "
                + "VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ins.setLong(1, commentId);
            ins.setLong(2, user.id());
            ins.setString(3, String.join(",", reasons.stream().map(ComplaintReason::code).toList()));
            ins.setString(4, checkedNote);
            ins.setTimestamp(5, now());
            ins.executeUpdate();
            return generatedKey(ins);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Comments with complaints, those with open complaints first; resolved ones too when asked. */
    public synchronized List<ModerationItem> moderationQueue(boolean withResolved) {
        Map<Long, ModerationItem> out = new LinkedHashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT " + COMMENT_COLUMNS + ", k.reasons, k.resolution FROM complaints k "
                + "JOIN comments c ON c.id = k.comment_id JOIN users u ON u.id = c.user_id ORDER BY c.id, k.id")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Comment c = comment(rs);
                    ModerationItem item = out.computeIfAbsent(c.id(), id -> new ModerationItem(c, 0, new LinkedHashMap<>(), 0));
                    Map<String, Integer> reasons = item.reasons();
                    for (String r : rs.getString(9).split(",")) {
                        reasons.merge(r, 1, Integer::sum);
                    }
                    boolean open = rs.getString(10) == null;
                    out.put(c.id(), new ModerationItem(c, item.complaints() + 1, reasons, item.open() + (open ? 1 : 0)));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        List<ModerationItem> items = new ArrayList<>(out.values());
        items.removeIf(i -> !withResolved && i.open() == 0);
        items.sort((a, b) -> Integer.compare(b.open() > 0 ? 1 : 0, a.open() > 0 ? 1 : 0));
        return items;
    }

    /** Hides or restores a comment; its open complaints are resolved with that decision. */
    public synchronized Comment moderate(User moderator, long commentId, boolean hide) {
        if (!moderator.can(Role.MODERATOR)) {
            throw new SecurityException("only moderators hide or restore comments");
        }
        comment(commentId).orElseThrow(() -> new IllegalArgumentException("no comment " + commentId));
        update("UPDATE comments SET hidden = ?, moderated_by = ?, moderated_at = ? WHERE id = ?", hide, moderator.id(), now(), commentId);
        update("UPDATE complaints SET resolution = ? WHERE comment_id = ? AND resolution IS NULL", hide ? "hidden" : "kept", commentId);
        return comment(commentId).orElseThrow();
    }

    // ---- error reports and corrections ----

    public synchronized ErrorReport report(User reporter, String docId, int start, int end, String selection,
                                           String factId, Correction proposal, String note) {
        if (selection == null || selection.isBlank() || end <= start || start < 0) {
            throw new IllegalArgumentException("select the wrong text in the article first");
        }
        if (selection.length() > 4000) {
            throw new IllegalArgumentException("the selection is longer than 4,000 characters; select only the wrong part");
        }
        String checkedNote = note == null || note.isBlank() ? null : TextPolicy.check(note, TextPolicy.COMMENT_MAX);
        if (proposal == null && checkedNote == null) {
            throw new IllegalArgumentException("say what is wrong: propose a correction or write a note");
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO error_reports (doc_id, sel_start, sel_end, sel_text, fact_id, "
                + "proposal, note, user_id, created_at, status) VALUES (?,?,?,?,?,?,?,?,?,'open')", Statement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, docId);
            ins.setInt(2, start);
            ins.setInt(3, end);
            ins.setString(4, selection);
            ins.setString(5, factId);
            ins.setString(6, proposal == null ? "null" : proposal.toJson().toString());
            ins.setString(7, checkedNote);
            ins.setLong(8, reporter.id());
            ins.setTimestamp(9, now());
            ins.executeUpdate();
            return report(generatedKey(ins)).orElseThrow();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static final String REPORT_COLUMNS = "r.id, r.doc_id, r.sel_start, r.sel_end, r.sel_text, r.fact_id, r.proposal, r.note, "
            + "u.name, r.created_at, r.status, v.name";

    private static ErrorReport report(ResultSet rs) throws SQLException, IOException {
        var p = JSON.readTree(rs.getString(7));
        return new ErrorReport(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                p == null || p.isNull() ? null : Correction.fromJson(p), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12));
    }

    public synchronized Optional<ErrorReport> report(long id) {
        return reports("r.id = ?", id).stream().findFirst();
    }

    /** Reports with a status ("open", "accepted", "rejected"), or all when null. */
    public synchronized List<ErrorReport> reports(String status) {
        return status == null ? reports("1=1") : reports("r.status = ?", status);
    }

    private List<ErrorReport> reports(String where, Object... params) {
        return list("SELECT " + REPORT_COLUMNS + " FROM error_reports r JOIN users u ON u.id = r.user_id "
                + "LEFT JOIN users v ON v.id = r.reviewed_by WHERE " + where + " ORDER BY r.id", 0, TeamStore::report, params);
    }

    /**
     * Accepts an open report: the correction (the reviewer's, else the reporter's proposal) is
     * recorded for the document. The caller re-applies the document's corrections to the store.
     */
    public synchronized Correction accept(User reviewer, long reportId, Correction reviewed) {
        ErrorReport r = openReport(reviewer, reportId);
        Correction c = reviewed != null ? reviewed : r.proposal();
        if (c == null) {
            throw new IllegalArgumentException("the report proposes no correction: give one to accept it");
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO corrections (doc_id, payload, report_id, created_at) VALUES (?,?,?,?)")) {
            ins.setString(1, r.docId());
            ins.setString(2, c.toJson().toString());
            ins.setLong(3, reportId);
            ins.setTimestamp(4, now());
            ins.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        update("UPDATE error_reports SET status = 'accepted', reviewed_by = ?, reviewed_at = ? WHERE id = ?", reviewer.id(), now(), reportId);
        return c;
    }

    public synchronized void reject(User reviewer, long reportId) {
        openReport(reviewer, reportId);
        update("UPDATE error_reports SET status = 'rejected', reviewed_by = ?, reviewed_at = ? WHERE id = ?", reviewer.id(), now(), reportId);
    }

    private ErrorReport openReport(User reviewer, long reportId) {
        if (!reviewer.can(Role.MODERATOR)) {
            throw new SecurityException("only moderators review error reports");
        }
        ErrorReport r = report(reportId).orElseThrow(() -> new IllegalArgumentException("no error report " + reportId));
        if (!"open".equals(r.status())) {
            throw new IllegalArgumentException("the report was already " + r.status());
        }
        return r;
    }

    // ---- subscriptions and webhook deliveries ----

    public synchronized Subscription subscribe(User user, String label, Subscription.Query query, String webhookUrl) {
        String l = TextPolicy.check(label == null || label.isBlank() ? describe(query) : label, 400);
        String hook = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        if (hook != null && !hook.matches("(?i)https?://[^\\s]{1,1990}")) {
            throw new IllegalArgumentException("a webhook address is an http:// or https:// URL");
        }
        ObjectNode q = JSON.createObjectNode();
        q.put("q", query.q());
        q.put("entity", query.entity());
        q.put("country_a", query.countryA());
        q.put("country_b", query.countryB());
        q.put("type", query.factType());
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO subscriptions (user_id, label, query, feed_token, webhook_url, "
                + "secret, cursor_at, created_at) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            Timestamp t = now();
            ins.setLong(1, user.id());
            ins.setString(2, l);
            ins.setString(3, q.toString());
            ins.setString(4, randomToken());
            ins.setString(5, hook);
            ins.setString(6, hook == null ? null : randomToken());
            ins.setTimestamp(7, t);
            ins.setTimestamp(8, t);
            ins.executeUpdate();
            return subscription(generatedKey(ins)).orElseThrow();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String describe(Subscription.Query q) {
        List<String> parts = new ArrayList<>();
        if (q.q() != null) {
            parts.add("“" + q.q() + "”");
        }
        if (q.entity() != null) {
            parts.add(q.entity());
        }
        if (q.countryA() != null) {
            parts.add(q.countryB() == null ? q.countryA() : q.countryA() + " ↔ " + q.countryB());
        }
        if (q.factType() != null) {
            parts.add(q.factType());
        }
        return String.join(" · ", parts);
    }

    private static final String SUB_COLUMNS = "id, user_id, label, query, feed_token, webhook_url, secret, cursor_at, created_at";

    private static Subscription subscription(ResultSet rs) throws SQLException, IOException {
        var q = JSON.readTree(rs.getString(4));
        return new Subscription(rs.getLong(1), rs.getLong(2), rs.getString(3),
                new Subscription.Query(q.path("q").asText(null), q.path("entity").asText(null), q.path("country_a").asText(null),
                        q.path("country_b").asText(null), q.path("type").asText(null)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    private List<Subscription> subscriptions(String where, Object... params) {
        return list("SELECT " + SUB_COLUMNS + " FROM subscriptions WHERE " + where + " ORDER BY id", 0, TeamStore::subscription, params);
    }

    public synchronized Optional<Subscription> subscription(long id) {
        return subscriptions("id = ?", id).stream().findFirst();
    }

    public synchronized List<Subscription> subscriptionsOf(User user) {
        return subscriptions("user_id = ?", user.id());
    }

    public synchronized List<Subscription> allSubscriptions() {
        return subscriptions("1=1");
    }

    public synchronized Optional<Subscription> byFeedToken(String token) {
        return token == null ? Optional.empty() : subscriptions("feed_token = ?", token).stream().findFirst();
    }

    public synchronized void unsubscribe(User user, long id) {
        if (update("DELETE FROM subscriptions WHERE id = ? AND user_id = ?", id, user.id()) == 0) {
            throw new IllegalArgumentException("no subscription " + id + " of yours");
        }
    }

    public synchronized void advanceCursor(long subscriptionId, Instant to) {
        update("UPDATE subscriptions SET cursor_at = ? WHERE id = ?", Timestamp.from(to), subscriptionId);
    }

    public synchronized void enqueue(long subscriptionId, String docId, String payload) {
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO deliveries (subscription_id, doc_id, payload, attempts, status, "
                + "next_attempt_at, created_at) VALUES (?,?,?,0,?,?,?)")) {
            Timestamp t = now();
            ins.setLong(1, subscriptionId);
            ins.setString(2, docId);
            ins.setString(3, payload);
            ins.setString(4, Delivery.PENDING);
            ins.setTimestamp(5, t);
            ins.setTimestamp(6, t);
            ins.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static final String DELIVERY_COLUMNS = "id, subscription_id, doc_id, payload, attempts, status, last_code, last_error, "
            + "next_attempt_at, created_at, delivered_at";

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Timestamp delivered = rs.getTimestamp(11);
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), (Integer) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), delivered == null ? null : delivered.toInstant());
    }

    private List<Delivery> deliveries(String where, int limit, Object... params) {
        return list("SELECT " + DELIVERY_COLUMNS + " FROM deliveries WHERE " + where, limit, TeamStore::delivery, params);
    }

    public synchronized List<Delivery> due(Instant now, int limit) {
        return deliveries("status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id", limit, Delivery.PENDING, Timestamp.from(now));
    }

    /** The delivery log of a subscription, newest first. */
    public synchronized List<Delivery> deliveries(long subscriptionId, int limit) {
        return deliveries("subscription_id = ? ORDER BY id DESC", limit, subscriptionId);
    }

    public synchronized void delivered(long id, int code) {
        update("UPDATE deliveries SET status = ?, attempts = attempts + 1, last_code = ?, last_error = NULL, delivered_at = ? WHERE id = ?",
                Delivery.DELIVERED, code, now(), id);
    }

    /** Records a failed attempt; the delivery is tried again at {@code next}, or given up when null. */
    public synchronized void attemptFailed(long id, Integer code, String error, Instant next) {
        update("UPDATE deliveries SET status = ?, attempts = attempts + 1, last_code = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
                next == null ? Delivery.FAILED : Delivery.PENDING, code, error == null ? null : error.substring(0, Math.min(2000, error.length())),
                Timestamp.from(next == null ? Instant.now() : next), id);
    }

    // ---- helpers ----

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static long generatedKey(PreparedStatement ins) throws SQLException {
        try (ResultSet keys = ins.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** Reads one row into a record. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException, IOException;
    }

    /** The rows a query returns (at most {@code limit}, 0: all), each read by {@code row}. */
    private <T> List<T> list(String sql, int limit, Row<T> row, Object... params) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            bind(q, params);
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
        return out;
    }

    private <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        return list(sql, 1, row, params).stream().findFirst();
    }

    private static void bind(PreparedStatement q, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            q.setObject(i + 1, params[i]);
        }
    }

    private int update(String sql, Object... params) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            bind(q, params);
            return q.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private long count(String sql, Object... params) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            bind(q, params);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("database error: " + e.getMessage(), e);
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
