package org.armscope.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.armscope.model.Arg;
import org.armscope.model.Document;
import org.armscope.model.EntityKind;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.pipeline.Processed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Lucene side of the store. Text goes into a generic field and a field analysed for the
 * document's language (Russian, Ukrainian morfologik, Arabic, Turkish, English); entity ids,
 * countries, designations and fact types go into keyword fields (stock analysers mangle С-300),
 * and every name variant of every mentioned entity goes into {@code names}, so a query in one
 * script finds documents written in another.
 */
final class SearchIndex implements AutoCloseable {
    static final List<String> LANG_FIELDS = List.of("ru", "uk", "ar", "tr", "en");
    private final FSDirectory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;

    SearchIndex(Path path) {
        try {
            Map<String, Analyzer> perField = new HashMap<>();
            perField.put("text_ru", new RussianAnalyzer());
            perField.put("text_uk", new UkrainianMorfologikAnalyzer());
            perField.put("text_ar", new ArabicAnalyzer());
            perField.put("text_tr", new TurkishAnalyzer());
            perField.put("text_en", new EnglishAnalyzer());
            analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
            dir = FSDirectory.open(path);
            writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path + ": " + e.getMessage(), e);
        }
    }

    void add(Processed p, Map<String, List<String>> entityNames) throws IOException {
        Document d = p.analyzed().document();
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new StringField("lang", p.analyzed().lang(), Field.Store.YES));
        doc.add(new StoredField("title", d.title() == null ? "" : d.title()));
        if (d.date() != null) {
            doc.add(new StringField("date", d.date(), Field.Store.YES));
        }
        doc.add(new TextField("text", d.text(), Field.Store.YES));
        if (LANG_FIELDS.contains(p.analyzed().lang())) {
            doc.add(new TextField("text_" + p.analyzed().lang(), d.text(), Field.Store.NO));
        }
        StringBuilder spans = new StringBuilder();
        for (Mention m : p.mentions()) {
            spans.append(m.entity().id()).append('\t').append(m.start()).append('\t').append(m.end()).append('\n');
        }
        doc.add(new StoredField("spans", spans.toString()));
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Mention m : p.mentions()) {
            ids.add(m.entity().id());
            names.addAll(entityNames.getOrDefault(m.entity().id(), List.of(m.entity().name())));
            if (m.kind() == EntityKind.COUNTRY) {
                doc.add(new StringField("country", m.entity().country(), Field.Store.NO));
            }
            if (m.kind() == EntityKind.WEAPON) {
                doc.add(new StringField("weapon", m.entity().name().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
            }
        }
        ids.forEach(id -> doc.add(new StringField("entity", id, Field.Store.NO)));
        doc.add(new TextField("names", String.join(" \n ", names), Field.Store.NO));
        for (Fact f : p.facts()) {
            doc.add(new StringField("ftype", f.type().name(), Field.Store.NO));
            doc.add(new StringField("modality", f.modality().code(), Field.Store.NO));
            for (List<Arg> vals : f.roles().values()) {
                for (Arg a : vals) {
                    if (a.kind() == EntityKind.COUNTRY) {
                        doc.add(new StringField("country", a.name(), Field.Store.NO));
                    }
                }
            }
        }
        writer.updateDocument(new Term("id", d.id()), doc);
    }

    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefresh();
    }

    int count() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    boolean contains(String id) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new TermQuery(new Term("id", id))) > 0;
        } finally {
            searchers.release(s);
        }
    }

    List<Store.Hit> search(Store.SearchQuery q, List<String> related) throws IOException {
        List<String> entityIds = q.entityIds() == null ? List.of() : q.entityIds();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (q.text() != null && !q.text().isBlank()) {
            String[] fields = {"text", "title", "names", "text_ru", "text_uk", "text_ar", "text_tr", "text_en"};
            MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            // "S-300" is one word to the reader: its parts must stand together, not anywhere in the text
            parser.setSplitOnWhitespace(true);
            parser.setAutoGeneratePhraseQueries(true);
            try {
                b.add(parser.parse(QueryParser.escape(q.text())), BooleanClause.Occur.SHOULD);
                any = true;
            } catch (ParseException e) {
                // an escaped query always parses; nothing to add otherwise
            }
        }
        for (String id : entityIds) {
            b.add(new BoostQuery(new TermQuery(new Term("entity", id)), 3f), BooleanClause.Occur.SHOULD);
            any = true;
        }
        for (String id : related) {
            // documents about the actors this system's facts involve rank below direct matches
            b.add(new BoostQuery(new TermQuery(new Term("entity", id)), 0.2f), BooleanClause.Occur.SHOULD);
            any = true;
        }
        BooleanQuery.Builder outer = new BooleanQuery.Builder();
        if (any) {
            outer.add(b.build(), BooleanClause.Occur.MUST);
        } else {
            outer.add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        filter(outer, "lang", q.lang());
        filter(outer, "ftype", q.factType());
        filter(outer, "country", q.country());
        filter(outer, "weapon", q.weapon() == null ? null : q.weapon().toLowerCase(java.util.Locale.ROOT));
        filter(outer, "modality", q.modality());
        if (q.dateFrom() != null || q.dateTo() != null) {
            // ISO dates sort as strings; an upper bound "2026-11" takes every day of that month
            outer.add(org.apache.lucene.search.TermRangeQuery.newStringRange("date", q.dateFrom(),
                    q.dateTo() == null ? null : q.dateTo() + "\uffff", true, true), BooleanClause.Occur.FILTER);
        }
        Query query = outer.build();
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(query, Math.max(1, q.limit()));
            List<Store.Hit> out = new java.util.ArrayList<>();
            // the query's terms as each language's analyser makes them, analysed once per language
            Map<String, Set<String>> queryTerms = new HashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                org.apache.lucene.document.Document d = s.storedFields().document(sd.doc);
                String field = "text_" + d.get("lang");
                Set<String> terms = q.text() == null || q.text().isBlank() ? Set.of()
                        : queryTerms.computeIfAbsent(field, f -> Snippets.terms(analyzer, f, q.text()));
                Snippets.Snippet sn = Snippets.snippet(d.get("text"), terms, analyzer, field, entitySpans(d.get("spans"), entityIds));
                out.add(new Store.Hit(d.get("id"), d.get("title"), d.get("lang"), d.get("date"), sn.text(), sn.highlights(), sd.score));
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** The spans of the document's mentions of the queried entities. */
    private static List<int[]> entitySpans(String stored, List<String> entityIds) {
        List<int[]> out = new java.util.ArrayList<>();
        if (stored == null || entityIds.isEmpty()) {
            return out;
        }
        for (String line : stored.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && entityIds.contains(f[0])) {
                out.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
            }
        }
        return out;
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
