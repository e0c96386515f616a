package org.armscope.cli;

import org.armscope.eval.NerEval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

@Command(name = "ner", description = "Span-exact NER evaluation: nerel, ner-uk, anercorp, re3d or wikigold DIR; the last line is 'micro F1 x.xxx'.")
final class EvalNer implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATASET")
    String dataset;

    @Parameters(index = "1", paramLabel = "DIR")
    Path dir;

    @picocli.CommandLine.Option(names = "--model", description = "a model file to use instead of the shipped one (from ./armscope train ner)")
    Path model;

    @picocli.CommandLine.Option(names = "--repeat", description = "run the evaluation N times and print the median speed of the entity stage over the second half of the runs (the first half warms up): the speed benchmark")
    int repeat = 1;

    @picocli.CommandLine.Option(names = "--errors", description = "list every missed and spurious span with its context")
    boolean errors;

    @Override
    public Integer call() throws Exception {
        if (!NerEval.DATASETS.containsKey(dataset)) {
            throw new Main.UserError("unknown NER set '" + dataset + "': use nerel, ner-uk, anercorp, re3d or wikigold");
        }
        if (!Files.isDirectory(dir)) {
            throw new Main.UserError("no folder " + dir);
        }
        List<NerEval.Doc> docs = NerEval.load(dataset, dir);
        long t0 = System.nanoTime();
        org.armscope.pipeline.Pipeline p = Context.pipeline();
        if (model != null) {
            var linker = (org.armscope.entities.StatisticalLinker) p.linker();
            String name = p.analyzer().profile(NerEval.DATASETS.get(dataset).lang()).nerModel();
            try (var in = Files.newInputStream(model)) {
                linker.with(name, org.armscope.entities.PerceptronTagger.load(in));
            }
            Path inner = org.armscope.entities.StatisticalLinker.innerModel(model);
            if (Files.isRegularFile(inner)) {
                try (var in = Files.newInputStream(inner)) {
                    linker.withInner(name, org.armscope.entities.PerceptronTagger.load(in));
                }
            } else {
                linker.withInner(name, null);
            }
        }
        java.util.List<Double> speeds = new java.util.ArrayList<>();
        for (int i = 1; i < repeat; i++) {
            NerEval.Report warm = NerEval.evaluate(dataset, docs, p, null);
            speeds.add(warm.tokens() / Math.max(warm.seconds(), 1e-9));
        }
        NerEval.Report r = NerEval.evaluate(dataset, docs, p, errors ? System.out : null);
        if (repeat > 1) {
            speeds.add(r.tokens() / Math.max(r.seconds(), 1e-9));
            // the first half of the runs warms the JIT up; the figure is the median of the second half
            java.util.List<Double> sorted = speeds.subList(speeds.size() / 2, speeds.size()).stream().sorted().toList();
            System.out.printf(java.util.Locale.ROOT, "entity stage over %d runs: median of the last %d %.0f tokens/s (runs: %s)%n", repeat,
                    sorted.size(), sorted.get(sorted.size() / 2), speeds.stream().map(v -> String.format(java.util.Locale.ROOT, "%.0f", v)).toList());
        }
        System.out.printf("documents %d, %.1f s%n", docs.size(), (System.nanoTime() - t0) / 1e9);
        System.out.println(r.format());
        return 0;
    }
}
