package org.armscope.model;

import java.util.List;

/** A document after the language stage. */
public record AnalyzedText(Document document, String lang, List<Sentence> sentences) {
}
