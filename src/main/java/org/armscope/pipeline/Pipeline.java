package org.armscope.pipeline;

import org.armscope.clean.ArticleCleaner;
import org.armscope.clean.Cleaner;
import org.armscope.entities.EntityLinker;
import org.armscope.entities.GazetteerLinker;
import org.armscope.entities.KnowledgeBase;
import org.armscope.entities.StatisticalLinker;
import org.armscope.facts.FactExtractor;
import org.armscope.facts.FactKeys;
import org.armscope.facts.RuleFactExtractor;
import org.armscope.language.TextAnalyzer;
import org.armscope.model.AnalyzedText;
import org.armscope.model.Document;
import org.armscope.model.Fact;
import org.armscope.model.Mention;
import org.armscope.model.RawDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The chain of stages: clean, language, entities, facts. Thread-safe once built. */
public final class Pipeline {
    private final Cleaner cleaner;
    private final TextAnalyzer analyzer;
    private final EntityLinker linker;
    private final FactExtractor extractor;
    private final KnowledgeBase kb;

    public Pipeline(Cleaner cleaner, TextAnalyzer analyzer, KnowledgeBase kb, EntityLinker linker, FactExtractor extractor) {
        this.cleaner = cleaner;
        this.analyzer = analyzer;
        this.kb = kb;
        this.linker = linker;
        this.extractor = extractor;
    }

    /** The default chain; {@code userKb} is the analysts' knowledge-base file in the data folder (may be null). */
    public static Pipeline standard(Path userKb) {
        TextAnalyzer analyzer = new TextAnalyzer();
        KnowledgeBase kb = KnowledgeBase.load(userKb);
        return new Pipeline(new ArticleCleaner(), analyzer, kb,
                new StatisticalLinker(new GazetteerLinker(kb, analyzer), analyzer), new RuleFactExtractor(analyzer));
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    public EntityLinker linker() {
        return linker;
    }

    public Document clean(RawDocument raw) {
        return cleaner.clean(raw);
    }

    public Processed process(RawDocument raw) {
        return analyze(cleaner.clean(raw), raw.charset(), null);
    }

    public Processed analyze(Document doc, String charset, List<String> trace) {
        AnalyzedText text = analyzer.analyze(doc);
        List<Mention> mentions = linker.link(text);
        List<Fact> facts = new ArrayList<>();
        for (Fact f : extractor.extract(text, mentions, trace)) {
            facts.add(new Fact(FactKeys.factId(f), f.doc(), f.type(), f.roles(), f.modality(), f.time(), f.quantity(),
                    f.money(), f.source(), f.evidence(), f.optional(), f.confidence(), f.rule()));
        }
        return new Processed(text, mentions, facts, charset);
    }
}
