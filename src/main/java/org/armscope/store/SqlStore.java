package org.armscope.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.armscope.entities.KnowledgeBase;
import org.armscope.facts.FactJson;
import org.armscope.model.Arg;
import org.armscope.model.Document;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.pipeline.Processed;
import org.flywaydb.core.Flyway;
import org.armscope.team.Correction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store: an SQL database (embedded H2 in {@code <data>/db} by default, or any JDBC URL such
 * as PostgreSQL) migrated by Flyway, and a Lucene index in {@code <data>/index}. SQL is the
 * record of truth and is committed per document before a document counts as stored; the index
 * is committed in batches and repaired from SQL on open if a run was killed in between.
 */
public final class SqlStore implements Store {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;
    private final SearchIndex index;
    private final KnowledgeBase kb;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private int uncommitted;

    private SqlStore(Connection db, SearchIndex index, KnowledgeBase kb, String jdbcUrl, String user, String password) {
        this.db = db;
        this.index = index;
        this.kb = kb;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Another connection to the same database (auto-commit on), for the team's tables. */
    public Connection newConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Opens (creating if needed) the embedded store in a data folder. */
    public static SqlStore open(Path dataDir, KnowledgeBase kb) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        String url = System.getenv("ARMSCOPE_JDBC_URL");
        if (url == null) {
            url = "jdbc:h2:" + dataDir.toAbsolutePath().resolve("db").resolve("armscope") + ";AUTO_SERVER=FALSE";
        }
        return open(url, System.getenv("ARMSCOPE_JDBC_USER"), System.getenv("ARMSCOPE_JDBC_PASSWORD"),
                dataDir.resolve("index"), kb);
    }

    public static SqlStore open(String jdbcUrl, String user, String password, Path indexDir, KnowledgeBase kb) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
        try {
            Connection c = DriverManager.getConnection(jdbcUrl, user, password);
            c.setAutoCommit(false);
            SqlStore store = new SqlStore(c, new SearchIndex(indexDir), kb, jdbcUrl, user, password);
            store.repairIndex();
            return store;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Re-indexes documents that reached SQL but not the index (a run killed between the two commits). */
    private void repairIndex() {
        try {
            if (index.count() >= documentCount()) {
                return;
            }
            List<String> ids = new ArrayList<>();
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM documents")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                if (!index.contains(id)) {
                    Document d = document(id).orElseThrow();
                    var analyzed = new org.armscope.model.AnalyzedText(d, d.lang(), List.of());
                    index.add(new Processed(analyzed, mentions(id), facts(FactFilter.ofDoc(id)), null), namesOf(mentions(id)));
                }
            }
            index.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String contentHash(String text) {
        try {
            String norm = text.replaceAll("\\s+", " ").strip();
            byte[] h = MessageDigest.getInstance("SHA-256").digest(norm.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized PutResult put(Processed p) {
        return put(p, false);
    }

    /**
     * Stores a processed document. With {@code replace}, a document whose content is already stored
     * is stored again (re-extraction after a model or rule change), keeping its first ingest time;
     * without it, that is a duplicate and nothing changes. Reviewed corrections of the document
     * are applied to its facts and mentions either way.
     */
    public synchronized PutResult put(Processed p, boolean replace) {
        Document d = p.analyzed().document();
        String hash = contentHash(d.text());
        try {
            Timestamp ingested = Timestamp.from(Instant.now());
            try (PreparedStatement q = db.prepareStatement("SELECT ingested_at FROM documents WHERE content_hash = ? "
                    + "ORDER BY ingested_at")) {
                q.setString(1, hash);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        if (!replace) {
                            return PutResult.DUPLICATE;
                        }
                        ingested = rs.getTimestamp(1);
                    }
                }
            }
            // two statements: H2 answers "id = ? OR content_hash = ?" by scanning the table
            deleteWhere("id", d.id());
            deleteWhere("content_hash", hash);
            List<Correction> corrections = corrections(d.id());
            List<Mention> mentions = Correction.applyToMentions(corrections, p.mentions(), d.text(), this::entity);
            List<Fact> facts = Correction.applyToFacts(corrections, p.facts());
            p = new Processed(p.analyzed(), mentions, facts, p.charset());
            try (PreparedStatement ins = db.prepareStatement("INSERT INTO documents (id, source, lang, title, pub_date, "
                    + "author, site, body, content_hash, charset, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ins.setString(1, d.id());
                ins.setString(2, cut(d.source(), 2000));
                ins.setString(3, p.analyzed().lang());
                ins.setString(4, cut(d.title(), 2000));
                ins.setString(5, d.date());
                ins.setString(6, cut(d.author(), 500));
                ins.setString(7, cut(d.site(), 500));
                ins.setString(8, d.text());
                ins.setString(9, hash);
                ins.setString(10, p.charset());
                ins.setTimestamp(11, ingested);
                ins.executeUpdate();
            }
            Map<String, Entity> entities = new LinkedHashMap<>();
            try (PreparedStatement ins = db.prepareStatement("INSERT INTO mentions (doc_id, start_pos, end_pos, surface, "
                    + "entity_id, sentence, adjectival) VALUES (?,?,?,?,?,?,?)")) {
                for (Mention m : p.mentions()) {
                    entities.putIfAbsent(m.entity().id(), m.entity());
                    ins.setString(1, d.id());
                    ins.setInt(2, m.start());
                    ins.setInt(3, m.end());
                    ins.setString(4, cut(m.text(), 1000));
                    ins.setString(5, cut(m.entity().id(), 400));
                    ins.setInt(6, m.sentence());
                    ins.setBoolean(7, m.adjectival());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            for (Entity e : entities.values()) {
                upsertEntity(e);
            }
            for (Fact f : p.facts()) {
                insertFact(f);
            }
            db.commit();
            tradersOf.clear();
            index.add(p, namesOf(p.mentions()));
            if (++uncommitted >= 200) {
                flush();
            }
            return PutResult.STORED;
        } catch (SQLException | IOException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the original error is the one to report
            }
            throw new IllegalStateException("cannot store document " + d.id() + ": " + e.getMessage(), e);
        }
    }

    private void deleteWhere(String column, String value) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM documents WHERE " + column + " = ?")) {
            del.setString(1, value);
            del.executeUpdate();
        }
    }

    /** The reviewed corrections of a document, oldest first. */
    public synchronized List<Correction> corrections(String docId) {
        List<Correction> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT payload FROM corrections WHERE doc_id = ? ORDER BY id")) {
            q.setString(1, docId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(Correction.fromJson(JSON.readTree(rs.getString(1))));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the corrections of " + docId + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Applies the document's corrections to what is stored for it now (after a review accepted one). */
    public synchronized void reapplyCorrections(String docId) {
        Document d = document(docId).orElseThrow(() -> new IllegalArgumentException("no document '" + docId + "'"));
        var analyzed = new org.armscope.model.AnalyzedText(d, d.lang(), List.of());
        put(new Processed(analyzed, mentions(docId), facts(FactFilter.ofDoc(docId)), null), true);
        flush();
    }

    /** An entity and in how many documents it appears beside another. */
    public record Related(String id, int count) {
    }

    /** Entities named in the same documents as {@code entityId}, most shared documents first. */
    public synchronized List<Related> related(String entityId, int limit) {
        List<Related> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT m.entity_id, COUNT(DISTINCT m.doc_id) AS n FROM mentions m "
                + "WHERE m.doc_id IN (SELECT doc_id FROM mentions WHERE entity_id = ?) AND m.entity_id <> ? "
                + "GROUP BY m.entity_id ORDER BY n DESC, m.entity_id")) {
            q.setString(1, entityId);
            q.setString(2, entityId);
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Related(rs.getString(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** One mention of an entity somewhere in the store. */
    public record EntityMention(String doc, String text, int start, int end) {
    }

    public synchronized List<EntityMention> mentionsOf(String entityId, int limit) {
        List<EntityMention> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT doc_id, surface, start_pos, end_pos FROM mentions WHERE entity_id = ? "
                + "ORDER BY doc_id, start_pos")) {
            q.setString(1, entityId);
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new EntityMention(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A document's id and when it was first stored. */
    public record Stamped(String id, Instant ingested) {
    }

    /** Documents first stored after {@code after}, oldest first. */
    public synchronized List<Stamped> documentsSince(Instant after, int limit) {
        return stamped("SELECT id, ingested_at FROM documents WHERE ingested_at > ? ORDER BY ingested_at, id", limit, Timestamp.from(after));
    }

    /** The most recently stored documents, newest first. */
    public synchronized List<Stamped> recentDocuments(int limit) {
        return stamped("SELECT id, ingested_at FROM documents ORDER BY ingested_at DESC, id", limit);
    }

    private List<Stamped> stamped(String sql, int limit, Object... params) {
        List<Stamped> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stamped(rs.getString(1), rs.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** An entity by id: the knowledge base's entry, else the one stored when a document named it. */
    public Entity entity(String id) {
        Entity e = kb == null ? null : kb.get(id);
        if (e != null) {
            return e;
        }
        try (PreparedStatement q = db.prepareStatement("SELECT kind, name, country, category FROM entities WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return new Entity(id, EntityKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), Map.of());
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return null;
    }

    private void upsertEntity(Entity e) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM entities WHERE id = ?")) {
            q.setString(1, cut(e.id(), 400));
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO entities (id, kind, name, country, category) VALUES (?,?,?,?,?)")) {
            ins.setString(1, cut(e.id(), 400));
            ins.setString(2, e.kind().name());
            ins.setString(3, cut(e.name(), 400));
            ins.setString(4, e.country());
            ins.setString(5, e.category());
            ins.executeUpdate();
        }
    }

    private void insertFact(Fact f) throws SQLException {
        long row;
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO facts (doc_id, fact_id, ftype, modality, confidence, "
                + "ev_start, ev_end, time_start, payload) VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, f.doc());
            ins.setString(2, f.factId());
            ins.setString(3, f.type().name());
            ins.setString(4, f.modality().code());
            ins.setDouble(5, f.confidence());
            ins.setObject(6, f.evidence() == null ? null : f.evidence().start());
            ins.setObject(7, f.evidence() == null ? null : f.evidence().end());
            ins.setString(8, f.time() == null ? null : f.time().start());
            ins.setString(9, FactJson.toLine(f));
            ins.executeUpdate();
            try (ResultSet keys = ins.getGeneratedKeys()) {
                keys.next();
                row = keys.getLong(1);
            }
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO fact_actors (fact_row, role, arg_kind, arg_name, country, name_lc) VALUES (?,?,?,?,?,?)")) {
            for (Map.Entry<String, List<Arg>> e : f.roles().entrySet()) {
                for (Arg a : e.getValue()) {
                    if (a.isFreeText()) {
                        continue;
                    }
                    ins.setLong(1, row);
                    ins.setString(2, e.getKey());
                    ins.setString(3, a.kind().name());
                    String name = cut(a.kind() == EntityKind.CATEGORY ? a.category() : a.name(), 400);
                    ins.setString(4, name);
                    ins.setString(5, a.kind() == EntityKind.COUNTRY ? a.name() : a.country());
                    ins.setString(6, name == null ? null : name.toLowerCase(java.util.Locale.ROOT));
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
    }

    private Map<String, List<String>> namesOf(List<Mention> mentions) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Mention m : mentions) {
            Entity e = kb == null ? null : kb.get(m.entity().id());
            out.put(m.entity().id(), e != null ? e.allNames() : List.of(m.entity().name()));
        }
        return out;
    }

    /** Commits the search index so that everything stored so far is searchable after a restart. */
    public synchronized void flush() {
        try {
            index.commit();
            uncommitted = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Document> document(String id) {
        try (PreparedStatement q = db.prepareStatement("SELECT id, source, lang, title, pub_date, author, site, body FROM documents WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(toDocument(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Document> documents(int limit) {
        List<Document> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id, source, lang, title, pub_date, author, site, body FROM documents ORDER BY id")) {
            q.setMaxRows(limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(toDocument(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A row of "SELECT id, source, lang, title, pub_date, author, site, body". */
    private static Document toDocument(ResultSet rs) throws SQLException {
        return new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    @Override
    public List<Mention> mentions(String docId) {
        List<Mention> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT m.start_pos, m.end_pos, m.surface, m.entity_id, m.sentence, "
                + "m.adjectival, e.kind, e.name, e.country, e.category FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id "
                + "WHERE m.doc_id = ? ORDER BY m.start_pos")) {
            q.setString(1, docId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(4);
                    Entity known = kb == null ? null : kb.get(id);
                    Entity e = known != null ? known : new Entity(id, EntityKind.valueOf(rs.getString(7)), rs.getString(8),
                            rs.getString(9), rs.getString(10), Map.of());
                    out.add(new Mention(rs.getInt(1), rs.getInt(2), rs.getString(3), e, rs.getInt(5), -1, -1, rs.getBoolean(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public List<Fact> facts(FactFilter f) {
        StringBuilder sql = new StringBuilder("SELECT payload, fact_id FROM facts fa WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (f.docId() != null) {
            sql.append(" AND doc_id = ?");
            params.add(f.docId());
        }
        if (f.type() != null) {
            sql.append(" AND ftype = ?");
            params.add(f.type());
        }
        if (f.modality() != null) {
            sql.append(" AND modality = ?");
            params.add(f.modality());
        }
        if (f.country() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM fact_actors a WHERE a.fact_row = fa.id AND a.country = ?)");
            params.add(f.country());
        }
        if (f.actorOrItem() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM fact_actors a WHERE a.fact_row = fa.id AND a.name_lc = ?)");
            params.add(f.actorOrItem().toLowerCase(java.util.Locale.ROOT));
        }
        sql.append(" ORDER BY doc_id, ev_start, id");
        List<Fact> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                q.setObject(i + 1, params.get(i));
            }
            q.setMaxRows(f.limit() == Integer.MAX_VALUE ? 0 : f.limit());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(FactJson.fromJson(JSON.readTree(rs.getString(1))));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public List<Hit> search(SearchQuery query) {
        try {
            return index.search(query, related(query.entityIds()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Countries by weapon system, for {@link #related}; emptied whenever a document is stored. */
    private final Map<String, List<String>> tradersOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** Actors that the facts about the queried weapon systems involve (S-300 → the countries that trade it). */
    private List<String> related(List<String> entityIds) {
        List<String> out = new ArrayList<>();
        for (String id : entityIds) {
            if (!id.startsWith("WEAPON:")) {
                continue;
            }
            for (String c : tradersOf.computeIfAbsent(id, this::traders)) {
                if (!out.contains(c) && !entityIds.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private synchronized List<String> traders(String id) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT DISTINCT b.country FROM fact_actors a JOIN fact_actors b "
                + "ON a.fact_row = b.fact_row WHERE a.arg_kind = 'WEAPON' AND a.name_lc = ? "
                + "AND b.arg_kind <> 'WEAPON' AND b.country IS NOT NULL ORDER BY b.country")) {
            q.setString(1, id.substring("WEAPON:".length()).toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add("COUNTRY:" + rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(out);
    }

    @Override
    public long documentCount() {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM documents")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int n) {
        return s == null || s.length() <= n ? s : s.substring(0, n);
    }

    @Override
    public synchronized void close() {
        flush();
        index.close();
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
