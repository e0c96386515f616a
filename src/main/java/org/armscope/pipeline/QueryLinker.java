package org.armscope.pipeline;

import org.armscope.entities.KnowledgeBase;
import org.armscope.model.Document;
import org.armscope.model.Mention;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Links the entities named in a search query, so that "S-300", "С-300", "Казахстан",
 * "كازاخستان" and "Kazakhstan" search by entity whatever the script of the documents.
 */
public final class QueryLinker {
    private QueryLinker() {
    }

    public static List<String> entityIds(Pipeline pipeline, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> langs = new LinkedHashSet<>();
        langs.add(guessScriptLanguage(query));
        langs.add("en");
        for (String lang : langs) {
            Document d = new Document("query", null, lang, null, null, null, null, query);
            for (Mention m : pipeline.linker().link(pipeline.analyzer().analyze(d))) {
                if (m.entity().names().isEmpty() && m.entity().kind() != org.armscope.model.EntityKind.WEAPON) {
                    continue;
                }
                ids.add(m.entity().id());
            }
        }
        return new ArrayList<>(ids);
    }

    /** Queries are too short for statistics: the script decides (Cyrillic read as Russian, which also finds Ukrainian lemmas by key). */
    static String guessScriptLanguage(String q) {
        return KnowledgeBase.langOf(q);
    }
}
