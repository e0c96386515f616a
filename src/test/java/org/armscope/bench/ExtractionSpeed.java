package org.armscope.bench;

import net.dankito.readability4j.Readability4J;
import org.armscope.clean.ArticleCleaner;
import org.armscope.eval.ExtractionBenchmark;
import org.armscope.model.RawDocument;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Side-by-side speed and quality of main-text extractors over the Zyte pages, on one thread:
 * Armscope's cleaner and the Java peers a user could pick instead (Readability4J). A benchmark
 * program, not a test: run it with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.armscope.bench.ExtractionSpeed -Dexec.args=../shared/eval/extraction/zyte}.
 * The peers are test-scoped dependencies and never ship.
 */
public final class ExtractionSpeed {
    private ExtractionSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval/extraction/zyte");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, String> truth = ExtractionBenchmark.zyteTruth(dir);
        Map<String, RawDocument> pages = new TreeMap<>();
        for (String id : truth.keySet()) {
            RawDocument raw = ExtractionBenchmark.zyteRaw(dir, id);
            if (raw != null) {
                pages.put(id, raw);
            }
        }
        ArticleCleaner cleaner = new ArticleCleaner();
        Map<String, Function<RawDocument, String>> extractors = new LinkedHashMap<>();
        extractors.put("armscope", raw -> ExtractionBenchmark.body(cleaner.clean(raw)));
        extractors.put("readability4j", raw -> {
            String t = new Readability4J(raw.source(), raw.text()).parse().getTextContent();
            return t == null ? "" : t;
        });
        System.out.printf(Locale.ROOT, "%-14s %8s %10s %10s %7s%n", "extractor", "F1", "median ms", "pages/s", "p95 ms");
        for (Map.Entry<String, Function<RawDocument, String>> e : extractors.entrySet()) {
            Map<String, String> out = new TreeMap<>();
            double[][] times = new double[rounds][];
            for (int r = 0; r < rounds; r++) {
                List<Double> t = new ArrayList<>();
                for (Map.Entry<String, RawDocument> p : pages.entrySet()) {
                    long t0 = System.nanoTime();
                    String text;
                    try {
                        text = e.getValue().apply(p.getValue());
                    } catch (RuntimeException ex) {
                        text = "";
                    }
                    t.add((System.nanoTime() - t0) / 1e6);
                    out.put(p.getKey(), text);
                }
                times[r] = t.stream().mapToDouble(Double::doubleValue).toArray();
            }
            // the first round warms the JIT up; the median and total come from the last round
            double[] last = times[rounds - 1].clone();
            Arrays.sort(last);
            double total = Arrays.stream(last).sum();
            System.out.printf(Locale.ROOT, "%-14s %8.3f %10.2f %10.1f %7.2f%n", e.getKey(),
                    ExtractionBenchmark.zyteScore(truth, out).f1(), last[last.length / 2],
                    1000.0 * last.length / total, last[(int) (last.length * 0.95)]);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "pages %d, rounds %d, peak heap %d MB (whole run)%n", pages.size(), rounds, peak >> 20);
    }
}
