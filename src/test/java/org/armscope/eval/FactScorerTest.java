package org.armscope.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.armscope.Shared;
import org.armscope.facts.FactJson;
import org.armscope.model.Arg;
import org.armscope.model.Fact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactScorerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Fact fact(String json) throws Exception {
        return FactJson.fromJson(JSON.readTree(json));
    }

    @Test
    void atomisationSplitsListsAndPairsParties() throws Exception {
        Fact agreement = fact("{\"doc\":\"d\",\"type\":\"AGREEMENT\",\"roles\":{\"parties\":[{\"kind\":\"COUNTRY\",\"name\":\"A\"},"
                + "{\"kind\":\"COUNTRY\",\"name\":\"B\"},{\"kind\":\"COUNTRY\",\"name\":\"C\"}]},\"modality\":\"asserted\"}");
        assertEquals(3, FactScorer.atomise(agreement).size());
        Fact transfer = fact("{\"doc\":\"d\",\"type\":\"TRANSFER\",\"roles\":{\"supplier\":{\"kind\":\"COUNTRY\",\"name\":\"TR\"},"
                + "\"recipient\":{\"kind\":\"COUNTRY\",\"name\":\"SA\"},\"item\":[{\"kind\":\"CATEGORY\",\"category\":\"ships\"},"
                + "{\"kind\":\"CATEGORY\",\"category\":\"missiles\"},{\"kind\":\"CATEGORY\",\"category\":\"armoured vehicles\"}]},\"modality\":\"possible\"}");
        assertEquals(3, FactScorer.atomise(transfer).size());
    }

    @Test
    void transliterationAndDesignationRules() {
        assertTrue(FactScorer.weaponMatch("С-300", "S-300"));
        assertTrue(FactScorer.weaponMatch("МиГ-31", "MiG-31"));
        assertFalse(FactScorer.weaponMatch("S-30", "S-300"));
        assertTrue(FactScorer.weaponMatch("S-300", "S-300PMU-1"));
        assertFalse(FactScorer.weaponMatch("MiG-29", "MiG-31"));
        assertTrue(FactScorer.weaponMatch("Bayraktar", "Bayraktar TB2"));
        Arg gold = new Arg(org.armscope.model.EntityKind.PERSON, "Sergiy Zgurets", null, null, null, List.of("Сергей Згурец"));
        Arg pred = new Arg(org.armscope.model.EntityKind.PERSON, "Сергей Згурец", null, null, null, List.of());
        assertTrue(FactScorer.argMatch(gold, pred));
        assertTrue(FactScorer.argMatch(Arg.freeText("illegal arms export"), Arg.freeText("arms export")));
    }

    @Test
    void optionalGoldNeitherRewardsNorPenalises() throws Exception {
        String base = "{\"doc\":\"d\",\"type\":\"MEMBERSHIP\",\"roles\":{\"member\":{\"kind\":\"COUNTRY\",\"name\":\"%s\"},"
                + "\"organization\":{\"kind\":\"ORG\",\"name\":\"CSTO\"}},\"modality\":\"asserted\"%s}";
        Fact required = fact(String.format(base, "KZ", ""));
        Fact optional = fact(String.format(base, "RU", ",\"optional\":true"));
        List<Fact> gold = List.of(required, optional);
        FactScorer.Counts only = FactScorer.score(gold, List.of(fact(String.format(base, "KZ", "")))).overall();
        FactScorer.Counts both = FactScorer.score(gold, List.of(fact(String.format(base, "KZ", "")),
                fact(String.format(base, "RU", "")))).overall();
        assertEquals(1.0, only.f1());
        assertEquals(only, both);
        FactScorer.Counts wrong = FactScorer.score(gold, List.of(fact(String.format(base, "AM", "")))).overall();
        assertEquals(0.0, wrong.f1());
    }

    @Test
    void goldAgainstItselfScoresOne() throws Exception {
        List<Fact> gold = FactJson.read(Shared.path("gold/seeds.facts.jsonl"));
        List<Fact> required = gold.stream().filter(f -> !f.optional()).toList();
        FactScorer.Counts c = FactScorer.score(gold, required).overall();
        assertEquals(19, c.gold());
        assertEquals(1.0, c.f1(), 1e-9);
        assertTrue(FactScorer.report(gold, required).endsWith("overall P 1.000 R 1.000 F1 1.000"));
    }
}
