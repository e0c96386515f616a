package org.armscope.cli;

import org.armscope.clean.ArticleCleaner;
import org.armscope.eval.ExtractionBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

@Command(name = "extraction", description = "Main-text benchmarks: 'zyte DIR' or 'trafilatura DIR'; the last line is 'F1 x.xxx'.")
final class EvalExtraction implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BENCHMARK", description = "zyte or trafilatura")
    String benchmark;

    @Parameters(index = "1", paramLabel = "DIR")
    Path dir;

    @Option(names = "--out", description = "also write the predictions in the benchmark's own format")
    Path out;

    @Option(names = "--date-errors", description = "(trafilatura) list the dated pages whose date was missed")
    boolean dateErrors;

    @Option(names = "--pred", description = "(zyte) score this prediction file instead of running the cleaner")
    Path pred;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new Main.UserError("no benchmark folder " + dir);
        }
        ArticleCleaner cleaner = new ArticleCleaner();
        switch (benchmark) {
            case "zyte" -> {
                Map<String, String> truth = ExtractionBenchmark.zyteTruth(dir);
                Map<String, String> predictions = pred != null ? ExtractionBenchmark.zytePredictions(pred)
                        : ExtractionBenchmark.zyteRun(dir, raw -> ExtractionBenchmark.body(cleaner.clean(raw)));
                if (out != null) {
                    Files.writeString(out, ExtractionBenchmark.zyteJson(predictions), StandardCharsets.UTF_8);
                }
                ExtractionBenchmark.ZyteScore s = ExtractionBenchmark.zyteScore(truth, predictions);
                System.out.printf(Locale.ROOT, "pages %d precision %.3f recall %.3f accuracy %.3f%n", s.pages(),
                        s.precision(), s.recall(), s.accuracy());
                System.out.printf(Locale.ROOT, "F1 %.3f%n", s.f1());
            }
            case "trafilatura" -> {
                Map<String, String> predictions = new LinkedHashMap<>();
                java.util.List<String> misses = new java.util.ArrayList<>();
                ExtractionBenchmark.TrafilaturaScore s = ExtractionBenchmark.trafilatura(dir, cleaner, predictions, misses);
                if (dateErrors) {
                    misses.forEach(System.out::println);
                }
                if (out != null) {
                    Files.writeString(out, ExtractionBenchmark.trafilaturaJson(predictions), StandardCharsets.UTF_8);
                }
                s.byLang().forEach((lang, c) -> System.out.printf(Locale.ROOT, "%s: F1 %.3f (tp %d fp %d tn %d fn %d)%n",
                        lang, f1(c), c[0], c[1], c[2], c[3]));
                System.out.printf(Locale.ROOT, "precision %.3f recall %.3f accuracy %.3f; dates exact %d/%d (%.3f)%n",
                        s.precision(), s.recall(), s.accuracy(), s.datesRight(), s.datedPages(),
                        s.datedPages() == 0 ? 0.0 : (double) s.datesRight() / s.datedPages());
                System.out.printf(Locale.ROOT, "F1 %.3f%n", s.f1());
            }
            default -> throw new Main.UserError("unknown benchmark '" + benchmark + "': use zyte or trafilatura");
        }
        return 0;
    }

    private static double f1(int[] c) {
        return 2.0 * c[0] + c[1] + c[3] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[3]);
    }
}
