package org.armscope.facts;

import org.armscope.Shared;
import org.armscope.TestPipeline;
import org.armscope.eval.FactScorer;
import org.armscope.ingest.FileSource;
import org.armscope.model.Fact;
import org.armscope.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quality floors measured with the spec's scorer on the seeds, the shared dev set and our held-out sentences. */
class FactQualityTest {
    static List<Fact> extract(List<Path> paths) {
        Pipeline p = TestPipeline.get();
        List<Fact> out = new ArrayList<>();
        new FileSource(paths).forEach(raw -> out.addAll(p.process(raw).facts()),
                e -> { throw new AssertionError(e.item() + ": " + e.message()); });
        return out;
    }

    private static double f1(Path gold, List<Path> docs) throws Exception {
        FactScorer.Counts c = FactScorer.score(FactJson.read(gold), extract(docs)).overall();
        System.out.printf("%s: P %.3f R %.3f F1 %.3f%n", gold, c.precision(), c.recall(), c.f1());
        return c.f1();
    }

    @Test
    void seeds() throws Exception {
        assertTrue(f1(Shared.path("gold/seeds.facts.jsonl"), List.of(Shared.path("seeds"))) >= 0.90);
    }

    @Test
    void devSet() throws Exception {
        assertTrue(f1(Shared.path("gold/dev/gold.facts.jsonl"), List.of(Shared.path("gold/dev/docs"))) >= 0.66);
    }

    @Test
    void heldOutSentences() throws Exception {
        Path dir = Path.of("evaldata", "sentences");
        List<Path> docs;
        try (var files = java.nio.file.Files.list(dir)) {
            docs = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(f1(dir.resolve("gold.facts.jsonl"), docs) >= 0.76);
    }
}
