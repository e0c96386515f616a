package org.armscope.entities;

import org.armscope.model.AnalyzedText;
import org.armscope.model.Mention;

import java.util.List;

/** The entity stage: finds the mentions in an analysed text and links each to one canonical entry. */
public interface EntityLinker {
    List<Mention> link(AnalyzedText text);
}
