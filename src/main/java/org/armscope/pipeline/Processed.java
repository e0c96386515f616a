package org.armscope.pipeline;

import org.armscope.model.AnalyzedText;
import org.armscope.model.Fact;
import org.armscope.model.Mention;

import java.util.List;

/** One document after every stage: the analysed text, its mentions and its facts. */
public record Processed(AnalyzedText analyzed, List<Mention> mentions, List<Fact> facts, String charset) {
}
