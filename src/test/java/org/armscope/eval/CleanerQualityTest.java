package org.armscope.eval;

import org.armscope.Shared;
import org.armscope.clean.ArticleCleaner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cleaner on the two public main-text benchmarks (read from ../shared; skipped with a
 * message where it is absent). The floors are the targets, so a change that costs
 * extraction quality fails here.
 */
class CleanerQualityTest {
    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void zyteBenchmark() throws Exception {
        Path dir = Shared.path("eval/extraction/zyte");
        ExtractionBenchmark.ZyteScore s = ExtractionBenchmark.zyteScore(ExtractionBenchmark.zyteTruth(dir),
                ExtractionBenchmark.zyteRun(dir, raw -> ExtractionBenchmark.body(cleaner.clean(raw))));
        System.out.printf("zyte: F1 %.4f (P %.4f R %.4f)%n", s.f1(), s.precision(), s.recall());
        assertTrue(s.f1() >= 0.96, "Zyte F1 " + s.f1());
    }

    @Test
    void trafilaturaSet() throws Exception {
        Path dir = Shared.path("eval/extraction/trafilatura");
        ExtractionBenchmark.TrafilaturaScore s = ExtractionBenchmark.trafilatura(dir, cleaner, new HashMap<>());
        System.out.printf("trafilatura: F1 %.4f (P %.4f R %.4f); dates %d/%d%n", s.f1(), s.precision(), s.recall(),
                s.datesRight(), s.datedPages());
        assertTrue(s.f1() >= 0.92, "trafilatura F1 " + s.f1());
    }
}
