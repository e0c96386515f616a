package org.armscope.store;

import org.armscope.model.Document;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.pipeline.Processed;

import java.util.List;
import java.util.Optional;

/** Where documents, mentions and facts live, and how they are found again. */
public interface Store extends AutoCloseable {
    /** Outcome of storing one document. */
    enum PutResult { STORED, DUPLICATE }

    /** Stores a processed document durably; the same content twice is stored once. */
    PutResult put(Processed doc);

    Optional<Document> document(String id);

    List<Mention> mentions(String docId);

    List<Fact> facts(FactFilter filter);

    List<Hit> search(SearchQuery query);

    long documentCount();

    @Override
    void close();

    /** One search result; {@code highlights} are [start, end) spans of {@code snippet} that match the query. */
    record Hit(String id, String title, String lang, String date, String snippet, List<int[]> highlights, float score) {
    }

    /**
     * A search: free text (any language) plus filters; entity ids come from linking the text.
     * {@code dateFrom}/{@code dateTo} are inclusive ISO dates (or prefixes: "2026", "2026-11").
     */
    record SearchQuery(String text, List<String> entityIds, String lang, String factType, String country,
                       String weapon, String modality, String dateFrom, String dateTo, int limit) {
        public static SearchQuery of(String text, List<String> entityIds, int limit) {
            return new SearchQuery(text, entityIds, null, null, null, null, null, null, null, limit);
        }
    }

    /** Filters over facts; null fields do not filter. */
    record FactFilter(String docId, String type, String country, String modality, String actorOrItem, int limit) {
        public static FactFilter all() {
            return new FactFilter(null, null, null, null, null, Integer.MAX_VALUE);
        }

        public static FactFilter ofDoc(String docId) {
            return new FactFilter(docId, null, null, null, null, Integer.MAX_VALUE);
        }
    }
}
