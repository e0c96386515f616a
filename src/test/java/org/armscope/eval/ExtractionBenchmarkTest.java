package org.armscope.eval;

import org.armscope.Shared;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Zyte scorer, proven on the reference outputs shipped with the benchmark against the published figures. */
class ExtractionBenchmarkTest {
    private static ExtractionBenchmark.ZyteScore score(String reference) throws Exception {
        Path dir = Shared.path("eval/extraction/zyte");
        return ExtractionBenchmark.zyteScore(ExtractionBenchmark.zyteTruth(dir),
                ExtractionBenchmark.zytePredictions(dir.resolve("reference-outputs").resolve(reference + ".json")));
    }

    @Test
    void reproducesPublishedFigures() throws Exception {
        assertEquals(0.958, score("trafilatura").f1(), 0.005);
        assertEquals(0.947, score("readability_js").f1(), 0.005);
        ExtractionBenchmark.ZyteScore htmlText = score("html-text");
        assertEquals(0.665, htmlText.f1(), 0.005);
        assertEquals(0.500, htmlText.precision(), 0.005);
        assertEquals(0.994, htmlText.recall(), 0.005);
    }

    @Test
    void shinglesFollowTheBenchmarkScript() {
        assertEquals(List.of("Hello", "wor_ld", "42"), ExtractionBenchmark.tokens("Hello, wor_ld! 42"));
        Map<String, String> truth = Map.of("a", "one two three four five");
        assertEquals(1.0, ExtractionBenchmark.zyteScore(truth, Map.of("a", "one two three four five")).f1(), 1e-9);
        assertEquals(0.0, ExtractionBenchmark.zyteScore(truth, Map.of("a", "")).recall(), 1e-9);
        // short texts make one shingle of all their tokens
        assertEquals(1.0, ExtractionBenchmark.zyteScore(Map.of("b", "two words"), Map.of("b", "two words")).f1(), 1e-9);
    }
}
