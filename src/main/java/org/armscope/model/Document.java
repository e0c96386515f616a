package org.armscope.model;

import java.util.List;
import java.util.Objects;

/**
 * A cleaned article. {@code text} is the article text, one paragraph a line;
 * every offset in the system (sentences, mentions, evidence) points into it.
 */
public record Document(String id, String source, String lang, String title, String date,
                       String author, String site, String text) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public List<String> paragraphs() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    public Document withLang(String newLang) {
        return new Document(id, source, newLang, title, date, author, site, text);
    }
}
