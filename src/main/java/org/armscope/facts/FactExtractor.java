package org.armscope.facts;

import org.armscope.model.AnalyzedText;
import org.armscope.model.Fact;
import org.armscope.model.Mention;

import java.util.List;

/** The fact stage: facts with roles, modality, time, quantity, money, source and evidence. */
public interface FactExtractor {
    List<Fact> extract(AnalyzedText text, List<Mention> mentions);

    /** The same, with a trace of what fired and what was rejected, for {@code armscope explain}. */
    default List<Fact> extract(AnalyzedText text, List<Mention> mentions, List<String> trace) {
        return extract(text, mentions);
    }
}
