package org.armscope.entities;

import org.armscope.language.LanguageProfile;
import org.armscope.language.TextAnalyzer;
import org.armscope.model.AnalyzedText;
import org.armscope.model.Document;
import org.armscope.model.Mention;
import org.armscope.model.Sentence;
import org.armscope.model.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns annotated texts into training sentences for the tagger: each text goes through the same
 * language stage and gazetteer as at run time (so the features are the ones the tagger will see),
 * and its names, nested ones resolved to the outermost, become BIO labels on our tokens.
 */
public final class NerTrainer {
    /** A name in an annotated text: character offsets and the tagger's label type (PER, ORG, …). */
    public record Name(int start, int end, String type) {
    }

    /** One annotated text. */
    public record Annotated(String id, String text, List<Name> names) {
    }

    private final TextAnalyzer analyzer;
    private final GazetteerLinker gazetteer;

    public NerTrainer(TextAnalyzer analyzer, GazetteerLinker gazetteer) {
        this.analyzer = analyzer;
        this.gazetteer = gazetteer;
    }

    public List<PerceptronTagger.Example> examples(List<Annotated> docs, String lang) {
        return examples(docs, lang, false);
    }

    /**
     * The training sentences of the outer layer ({@code inner} false: the outermost names of each
     * sentence) or of the inner one: each outermost name of two words or more is an example of its
     * own, its words labelled with the names directly inside it ("Министерства обороны России"
     * inside "пресс-служба Министерства обороны России"), with the features of the whole sentence.
     */
    public List<PerceptronTagger.Example> examples(List<Annotated> docs, String lang, boolean inner) {
        LanguageProfile profile = analyzer.profile(lang);
        List<PerceptronTagger.Example> out = new ArrayList<>();
        for (Annotated doc : docs) {
            AnalyzedText text = analyzer.analyze(new Document(doc.id(), null, lang, null, null, null, null, doc.text()));
            List<Mention> gaz = gazetteer.link(text);
            List<Name> names = outermost(doc.names());
            for (Sentence s : text.sentences()) {
                List<Token> toks = s.tokens();
                if (toks.isEmpty()) {
                    continue;
                }
                List<Mention> mine = gaz.stream().filter(m -> m.sentence() == s.index()).toList();
                NerFeatures.SentenceFeatures features =
                        NerFeatures.of(toks, StatisticalLinker.gazetteerLabels(s, mine), profile, GazetteerLinker::isOrgWord);
                if (!inner) {
                    out.add(new PerceptronTagger.Example(features, labels(toks, 0, toks.size(), names)));
                    continue;
                }
                for (Name outer : names) {
                    int first = -1;
                    int last = -1;
                    for (int i = 0; i < toks.size(); i++) {
                        if (toks.get(i).start() < outer.end() && toks.get(i).end() > outer.start()) {
                            first = first < 0 ? i : first;
                            last = i;
                        }
                    }
                    if (first < 0 || last == first) {
                        continue;
                    }
                    List<Name> inside = new ArrayList<>();
                    for (Name n : doc.names()) {
                        if (outer.start() <= n.start() && n.end() <= outer.end() && n.end() - n.start() < outer.end() - outer.start()) {
                            inside.add(n);
                        }
                    }
                    out.add(new PerceptronTagger.Example(features.slice(first, last + 1),
                            labels(toks, first, last + 1, outermost(inside))));
                }
            }
        }
        return out;
    }

    /** BIO labels of tokens [from, to) for the given names. */
    private static String[] labels(List<Token> toks, int from, int to, List<Name> names) {
        String[] gold = new String[to - from];
        java.util.Arrays.fill(gold, "O");
        for (Name n : names) {
            boolean first = true;
            for (int i = from; i < to; i++) {
                Token t = toks.get(i);
                if (t.start() < n.end() && t.end() > n.start()) {
                    gold[i - from] = (first ? "B-" : "I-") + n.type();
                    first = false;
                }
            }
        }
        return gold;
    }

    /** Names that no longer name contains: "Министерство обороны России" (ORG) over "России" (COUNTRY). */
    static List<Name> outermost(List<Name> names) {
        List<Name> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt((Name n) -> n.end() - n.start()).reversed().thenComparingInt(Name::start));
        List<Name> kept = new ArrayList<>();
        for (Name n : sorted) {
            if (kept.stream().noneMatch(k -> k.start() < n.end() && n.start() < k.end())) {
                kept.add(n);
            }
        }
        kept.sort(Comparator.comparingInt(Name::start));
        return kept;
    }
}
