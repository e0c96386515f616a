package org.armscope.store;

import org.armscope.Shared;
import org.armscope.TestPipeline;
import org.armscope.ingest.FileSource;
import org.armscope.model.Fact;
import org.armscope.model.RawDocument;
import org.armscope.pipeline.Pipeline;
import org.armscope.pipeline.QueryLinker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlStoreTest {
    private static final List<String> SEEDS = List.of("000_04abb13b73db44b5", "001_5ef2c9304808d7f0");

    private static void ingestSeeds(SqlStore store, Pipeline p) throws Exception {
        for (String id : SEEDS) {
            RawDocument raw = FileSource.read(Shared.path("seeds/" + id + ".txt"), FileSource.DEFAULT_MAX_BYTES);
            assertEquals(Store.PutResult.STORED, store.put(p.process(raw)));
        }
    }

    @Test
    void crossLingualSearchFindsBothSeeds(@TempDir Path data) throws Exception {
        Pipeline p = TestPipeline.get();
        try (SqlStore store = SqlStore.open(data, p.knowledgeBase())) {
            ingestSeeds(store, p);
            for (String q : List.of("S-300", "Казахстан", "كازاخستان", "Kazakhstan")) {
                List<String> ids = store.search(Store.SearchQuery.of(q, QueryLinker.entityIds(p, q), 10))
                        .stream().map(Store.Hit::id).toList();
                assertTrue(ids.containsAll(SEEDS), q + " → " + ids);
            }
            List<String> text = store.search(Store.SearchQuery.of("производство", List.of(), 10)).stream().map(Store.Hit::id).toList();
            assertEquals(List.of(SEEDS.get(0)), text, "full-text search with Russian morphology");
        }
    }

    @Test
    void aDesignationIsSearchedAsOneWord(@TempDir Path data) throws Exception {
        Pipeline p = TestPipeline.get();
        try (SqlStore store = SqlStore.open(data, p.knowledgeBase())) {
            ingestSeeds(store, p);
            String other = "Saudi Arabia buys 300 trucks\n\nThe kingdom signed a contract for 300 trucks and their spare parts, "
                    + "the ministry said on Sunday. Deliveries start in the spring.";
            assertEquals(Store.PutResult.STORED, store.put(p.process(new RawDocument("trucks", "test", other, false, "UTF-8"))));
            List<String> ids = store.search(Store.SearchQuery.of("S-300", QueryLinker.entityIds(p, "S-300"), 10))
                    .stream().map(Store.Hit::id).toList();
            assertEquals(SEEDS.get(1), ids.get(0), "the seed that names the S-300 comes first");
            assertTrue(!ids.contains("trucks"), "'300' alone does not match the designation S-300: " + ids);
        }
    }

    @Test
    void sameContentIsStoredOnceAndSurvivesReopening(@TempDir Path data) throws Exception {
        Pipeline p = TestPipeline.get();
        try (SqlStore store = SqlStore.open(data, p.knowledgeBase())) {
            ingestSeeds(store, p);
            RawDocument copy = FileSource.read(Shared.path("seeds/000_04abb13b73db44b5.txt"), FileSource.DEFAULT_MAX_BYTES);
            RawDocument renamed = new RawDocument("copy-of-000", copy.source(), copy.text(), false, "UTF-8");
            assertEquals(Store.PutResult.DUPLICATE, store.put(p.process(renamed)));
            assertEquals(2, store.documentCount());
        }
        try (SqlStore reopened = SqlStore.open(data, p.knowledgeBase())) {
            assertEquals(2, reopened.documentCount());
            List<Fact> facts = reopened.facts(Store.FactFilter.ofDoc(SEEDS.get(0)));
            assertTrue(facts.stream().anyMatch(f -> f.type().name().equals("AGREEMENT")));
            assertTrue(facts.stream().allMatch(f -> f.factId() != null && f.evidence() != null));
            assertTrue(reopened.document(SEEDS.get(1)).orElseThrow().text().startsWith("على الرغم"));
            assertEquals(2, reopened.search(Store.SearchQuery.of(null, List.of("COUNTRY:KZ"), 10)).size());
        }
    }

    @Test
    void indexIsRepairedFromTheDatabaseAfterAKilledRun(@TempDir Path data) throws Exception {
        Pipeline p = TestPipeline.get();
        try (SqlStore store = SqlStore.open(data, p.knowledgeBase())) {
            ingestSeeds(store, p);
        }
        // simulate a run killed after the SQL commit but before the index commit: drop the index
        try (var walk = java.nio.file.Files.walk(data.resolve("index"))) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(f);
            }
        }
        try (SqlStore reopened = SqlStore.open(data, p.knowledgeBase())) {
            assertEquals(2, reopened.search(Store.SearchQuery.of(null, List.of("COUNTRY:KZ"), 10)).size());
        }
    }
}
