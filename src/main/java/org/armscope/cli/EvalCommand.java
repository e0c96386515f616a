package org.armscope.cli;

import org.armscope.eval.FactScorer;
import org.armscope.facts.FactJson;
import org.armscope.model.Fact;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "eval", description = "Evaluations against gold data.", subcommands = {EvalCommand.Facts.class, EvalExtraction.class, EvalNer.class, EvalLinking.class})
final class EvalCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    private static String clip(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    static String describe(FactScorer.Atom a) {
        StringBuilder sb = new StringBuilder(a.fact().type().name());
        a.core().forEach((k, v) -> sb.append(' ').append(k).append('=')
                .append(String.join("+", v.stream().map(org.armscope.model.Arg::label).toList())));
        return sb.append(" (").append(a.fact().modality().code()).append(")").toString();
    }

    @Command(name = "facts", description = "Score facts by the spec's rules; the last line is 'overall P x R y F1 z'.")
    static final class Facts implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--gold", required = true, description = "gold facts (JSON Lines)")
        Path gold;

        @Option(names = "--pred", description = "predicted facts (JSON Lines); else the facts of --data")
        Path pred;

        @Option(names = "--min-confidence", defaultValue = "0")
        double minConfidence;

        @Option(names = "--errors", description = "list missed gold atoms and unmatched predictions first")
        boolean errors;

        @Option(names = "--sweep", description = "print precision and recall at confidence thresholds 0.5 … 0.95 first")
        boolean sweep;

        @Override
        public Integer call() throws IOException {
            List<Fact> goldFacts = FactJson.read(gold);
            List<Fact> predicted;
            java.util.Map<String, String> langs = new java.util.TreeMap<>();
            if (pred != null) {
                predicted = FactJson.read(pred);
            } else {
                try (SqlStore store = SqlStore.open(Main.dataDir(), null)) {
                    predicted = store.facts(Store.FactFilter.all());
                    for (Fact g : goldFacts) {
                        store.document(g.doc()).ifPresent(d -> langs.put(d.id(), d.lang()));
                    }
                }
            }
            java.util.Set<String> docs = new java.util.HashSet<>();
            goldFacts.forEach(f -> docs.add(f.doc()));
            List<Fact> scoped = predicted.stream().filter(f -> docs.contains(f.doc())).toList();
            if (sweep) {
                for (double t = 0.5; t < 0.96; t += 0.05) {
                    final double th = t;
                    FactScorer.Counts c = FactScorer.score(goldFacts,
                            scoped.stream().filter(f -> f.confidence() >= th).toList()).overall();
                    System.out.printf(Locale.ROOT, "threshold %.2f P %.3f R %.3f F1 %.3f%n", t, c.precision(), c.recall(), c.f1());
                }
            }
            List<Fact> kept = scoped.stream().filter(f -> f.confidence() >= minConfidence).toList();
            if (errors) {
                FactScorer.Result r = FactScorer.score(goldFacts, kept);
                r.missedGold().forEach(a -> System.out.println("missed   " + a.fact().doc() + " " + describe(a)));
                r.spuriousPredicted().forEach(a -> System.out.println("spurious " + a.fact().doc() + " " + describe(a)));
                for (FactScorer.Atom[] pair : r.pairs()) {
                    Fact g = pair[0].fact();
                    Fact p = pair[1].fact();
                    if (g.modality() != p.modality()) {
                        System.out.println("modality " + g.doc() + " " + describe(pair[0]) + " predicted " + p.modality().code()
                                + " | " + clip(p.evidence() == null ? "" : p.evidence().text()));
                    }
                    if (g.time() != null && g.time().start() != null && !FactScorer.timeEqual(g, p)) {
                        System.out.println("time     " + g.doc() + " " + describe(pair[0]) + " gold " + g.time().start()
                                + " predicted " + (p.time() == null ? "none" : p.time().start() + " «" + p.time().text() + "»"));
                    }
                }
            }
            if (new java.util.HashSet<>(langs.values()).size() > 1) {
                // per language, by the language the pipeline found for each document
                System.out.println("lang   pred   gold       P       R      F1   modality   time");
                for (String lang : new java.util.TreeSet<>(langs.values())) {
                    List<Fact> g = goldFacts.stream().filter(f -> lang.equals(langs.get(f.doc()))).toList();
                    List<Fact> p = kept.stream().filter(f -> lang.equals(langs.get(f.doc()))).toList();
                    FactScorer.Result r = FactScorer.score(g, p);
                    FactScorer.Counts c = r.overall();
                    System.out.printf(Locale.ROOT, "%-4s %6d %6d   %.3f   %.3f   %.3f   %.3f      %.3f%n", lang, c.predicted(), c.gold(),
                            c.precision(), c.recall(), c.f1(), r.modalityAccuracy(), r.timeAccuracy());
                }
            }
            System.out.println(FactScorer.report(goldFacts, kept));
            return 0;
        }
    }
}
