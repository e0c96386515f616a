package org.armscope.entities;

import org.armscope.language.TextAnalyzer;
import org.armscope.model.Document;
import org.armscope.model.Sentence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tagger learns from a small made-up corpus and tags sentences it never saw. */
class PerceptronTaggerTest {
    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final String[] FIRST = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hamid"};
    private static final String[] LAST = {"Keller", "Novak", "Ortiz", "Petrov", "Quinn", "Rossi", "Suzuki", "Tanaka"};
    private static final String[] CITY = {"Lyon", "Porto", "Graz", "Turku", "Brno", "Split"};
    private static PerceptronTagger tagger;

    /** "X Y met Z W in C." with the names labelled; the held-out names never occur in training. */
    private static NerTrainer.Annotated sentence(String id, String a, String b, String city) {
        String text = id.hashCode() % 2 == 0 ? a + " visited " + city + " and met " + b + " there."
                : "In " + city + ", " + a + " thanked " + b + ".";
        List<NerTrainer.Name> names = new ArrayList<>();
        names.add(new NerTrainer.Name(0, a.length(), "PER"));
        int c = text.indexOf(city);
        names.add(new NerTrainer.Name(c, c + city.length(), "LOC"));
        int p = text.indexOf(b, c);
        names.add(new NerTrainer.Name(p, p + b.length(), "PER"));
        return new NerTrainer.Annotated(id, text, names);
    }

    @BeforeAll
    static void train() {
        List<NerTrainer.Annotated> docs = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < FIRST.length - 2; i++) {
            for (int j = 0; j < LAST.length - 2; j++) {
                String a = FIRST[i] + " " + LAST[j];
                String b = FIRST[(i + 3) % 6] + " " + LAST[(j + 1) % 6];
                docs.add(sentence("d" + n++, a, b, CITY[(i + j) % 4]));
            }
        }
        KnowledgeBase kb = KnowledgeBase.load(null);
        NerTrainer trainer = new NerTrainer(ANALYZER, new GazetteerLinker(kb, ANALYZER));
        tagger = PerceptronTagger.train(trainer.examples(docs, "en"), 5, 0f, null);
    }

    private static List<PerceptronTagger.Span> spans(PerceptronTagger t, String text) {
        Sentence s = ANALYZER.analyze(new Document("t", null, "en", null, null, null, null, text)).sentences().get(0);
        String[] gaz = new String[s.tokens().size()];
        return t.spans(t.tag(NerFeatures.of(s.tokens(), gaz, ANALYZER.profile("en"), GazetteerLinker::isOrgWord)));
    }

    @Test
    void tagsUnseenNamesFromContextAndShape() {
        // Greta, Hamid, Suzuki, Tanaka, Brno and Split never occur in training
        List<PerceptronTagger.Span> found = spans(tagger, "Greta Suzuki visited Brno and met Hamid Tanaka there.");
        assertEquals(List.of(new PerceptronTagger.Span("PER", 0, 1), new PerceptronTagger.Span("LOC", 3, 3),
                new PerceptronTagger.Span("PER", 6, 7)), found);
    }

    @Test
    void neverStartsANameWithAnInsideLabel() {
        int[] tags = tagger.tag(NerFeatures.of(
                ANALYZER.analyze(new Document("t", null, "en", null, null, null, null, "and met there visited.")).sentences().get(0).tokens(),
                new String[5], ANALYZER.profile("en"), GazetteerLinker::isOrgWord));
        String previous = "O";
        for (int t : tags) {
            String l = tagger.labels().get(t);
            if (l.startsWith("I-")) {
                assertTrue(previous.endsWith(l.substring(2)), "I- after " + previous);
            }
            previous = l;
        }
    }

    @Test
    void aSavedModelTagsExactlyAsTheTrainedOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tagger.save(out);
        PerceptronTagger loaded = PerceptronTagger.load(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(tagger.labels(), loaded.labels());
        assertEquals(tagger.features(), loaded.features());
        String text = "Anna Quinn visited Split and met Farid Rossi there.";
        Sentence s = ANALYZER.analyze(new Document("t", null, "en", null, null, null, null, text)).sentences().get(0);
        var f = NerFeatures.of(s.tokens(), new String[s.tokens().size()], ANALYZER.profile("en"), GazetteerLinker::isOrgWord);
        assertArrayEquals(tagger.tag(f), loaded.tag(f));
    }

    @Test
    void refusesAFileThatIsNoModel() {
        byte[] junk = "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(java.io.IOException.class, () -> PerceptronTagger.load(new ByteArrayInputStream(junk)));
    }

    @Test
    void shapesAndMorphologicalClasses() {
        assertEquals("Xx", NerFeatures.shape("Moskva"));
        assertEquals("X-d", NerFeatures.shape("S-300"));
        assertEquals("a", NerFeatures.shape("كازاخستان"));
        var ru = ANALYZER.profile("ru").nerTags();
        assertEquals(List.of("NOUN", "FNAME", "NOM"), NerFeatures.classes("NN:Name:Masc:Sin:Nom", ru));
        var uk = ANALYZER.profile("uk").nerTags();
        assertEquals(List.of("NOUN", "ANIM", "NOM", "PROP", "FNAME"), NerFeatures.classes("noun:anim:m:v_naz:prop:fname", uk));
        assertEquals(List.of("?"), NerFeatures.classes("", ru));
    }
}
