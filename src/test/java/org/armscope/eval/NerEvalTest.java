package org.armscope.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NerEvalTest {
    @Test
    void conllSpansIob1AndIob2(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.conll");
        Files.writeString(f, "Carter\tB-Person\nthanked\tO\nHaider\tB-Person\nal-Abadi\tI-Person\n\nThe O\nUnited I-LOC\nStates I-LOC\n");
        List<NerEval.Doc> docs = NerEval.readConll(f, 20);
        assertEquals(1, docs.size());
        NerEval.Doc d = docs.get(0);
        assertEquals("Carter thanked Haider al-Abadi\nThe United States\n", d.text());
        assertEquals(List.of(new NerEval.Span(0, 6, "Person"), new NerEval.Span(15, 30, "Person"),
                new NerEval.Span(35, 48, "LOC")), d.gold());
        assertEquals("United States", d.text().substring(35, 48));
    }

    @Test
    void bratSkipsDiscontinuousSpans(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1.txt"), "Жолт Хорняк возглавил Бананц");
        Files.writeString(dir.resolve("1.ann"), "T1\tPERSON 0 11\tЖолт Хорняк\nT2\tORGANIZATION 22 28\tБананц\nT3\tEVENT 0 4;5 11\tx\n"
                + "R1\tWORKS_AS Arg1:T1 Arg2:T2\n");
        Files.writeString(dir.resolve("2.txt"), "Київ і Львів");
        Files.writeString(dir.resolve("2.ann"), "T1\tLOC\t0\t4\tКиїв\n");
        List<NerEval.Doc> docs = NerEval.readBrat(List.of(dir.resolve("1.ann"), dir.resolve("2.ann")));
        assertEquals(List.of(new NerEval.Span(0, 11, "PERSON"), new NerEval.Span(22, 28, "ORGANIZATION")), docs.get(0).gold());
        assertEquals(List.of(new NerEval.Span(0, 4, "LOC")), docs.get(1).gold());
    }
}
