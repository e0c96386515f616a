package org.armscope.cli;

import org.armscope.entities.NerTrainer;
import org.armscope.entities.PerceptronTagger;
import org.armscope.entities.StatisticalLinker;
import org.armscope.eval.NerEval;
import org.armscope.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "train", description = "Trains the models the program ships.", subcommands = {TrainCommand.Ner.class})
final class TrainCommand implements Runnable {
    @Override
    public void run() {
        throw new Main.UserError("say what to train: ./armscope train ner cyrillic|ar|en");
    }

    @Command(name = "ner", description = "Trains a named-entity recogniser (averaged perceptron) from its licensed corpora: "
            + "cyrillic (NEREL, used for ru and uk), ar (NewsFANE Gold), en (wikigold less its test fifth).")
    static final class Ner implements java.util.concurrent.Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL")
        String model;

        @Option(names = "--corpora", description = "the folder holding the NER sets (default ../shared/eval/ner)")
        Path corpora = Path.of("../shared/eval/ner");

        @Option(names = "--out", description = "the model file (default src/main/resources/org/armscope/entities/models/MODEL.ner.gz)")
        Path out;

        @Option(names = "--epochs", description = "passes over the data (default 8)")
        int epochs = 8;

        @Option(names = "--prune", description = "averaged weights below this magnitude are dropped (default 0.05)")
        float prune = 0.05f;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(corpora)) {
                throw new Main.UserError("no folder " + corpora + " (the NER corpora; see --corpora)");
            }
            NerEval.Training t;
            try {
                t = NerEval.training(model, corpora);
            } catch (IllegalArgumentException e) {
                throw new Main.UserError(e.getMessage());
            }
            Path file = out != null ? out : Path.of("src/main/resources" + StatisticalLinker.MODELS + model + ".ner.gz");
            Pipeline p = Context.pipeline();
            StatisticalLinker linker = (StatisticalLinker) p.linker();
            long t0 = System.nanoTime();
            List<NerTrainer.Annotated> docs = t.docs().stream().map(d -> new NerTrainer.Annotated(d.id(), d.text(),
                    d.gold().stream().map(s -> new NerTrainer.Name(s.start(), s.end(), s.type())).toList())).toList();
            List<PerceptronTagger.Example> examples = new NerTrainer(p.analyzer(), linker.gazetteer()).examples(docs, t.lang());
            System.err.printf("%s: %d texts, %d sentences from %s (%.1f s)%n", model, docs.size(), examples.size(),
                    t.licence(), (System.nanoTime() - t0) / 1e9);
            PerceptronTagger tagger = PerceptronTagger.train(examples, epochs, prune, System.err);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                tagger.save(o);
            }
            System.out.printf("%s: %d features, labels %s, %.1f MB, written to %s%n", model, tagger.features(),
                    tagger.labels(), Files.size(file) / 1e6, file);
            // the inner layer: names inside names, where the training set marks them (NEREL does)
            List<PerceptronTagger.Example> inner = new NerTrainer(p.analyzer(), linker.gazetteer()).examples(docs, t.lang(), true);
            long nested = inner.stream().filter(e -> java.util.Arrays.stream(e.gold()).anyMatch(g -> !g.equals("O"))).count();
            Path innerFile = StatisticalLinker.innerModel(file);
            if (nested >= 200) {
                System.err.printf("%s inner layer: %d names of two words or more, %d with names inside%n", model, inner.size(), nested);
                PerceptronTagger in = PerceptronTagger.train(inner, epochs, prune, System.err);
                try (OutputStream o = Files.newOutputStream(innerFile)) {
                    in.save(o);
                }
                System.out.printf("%s inner layer: %d features, %.1f MB, written to %s%n", model, in.features(),
                        Files.size(innerFile) / 1e6, innerFile);
            } else {
                Files.deleteIfExists(innerFile);
            }
            return 0;
        }
    }
}
