package org.armscope.team;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.armscope.model.Arg;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import org.armscope.model.Evidence;
import org.armscope.model.Fact;
import org.armscope.model.FactType;
import org.armscope.model.Mention;
import org.armscope.model.Modality;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Fact transfer(String id) {
        Map<String, List<Arg>> roles = new LinkedHashMap<>();
        roles.put("supplier", List.of(Arg.country("RU")));
        roles.put("recipient", List.of(Arg.country("KZ")));
        roles.put("item", List.of(new Arg(EntityKind.WEAPON, "S-300", null, "air defence systems", null, List.of())));
        return new Fact(id, "d", FactType.TRANSFER, roles, Modality.ASSERTED, null, null, null, null,
                new Evidence("d", 0, 10, "Россия передала"), false, 0.8, "rule");
    }

    private static Correction parse(String json) throws Exception {
        return Correction.fromJson(JSON.readTree(json));
    }

    @Test
    void correctionsChangeOnlyTheirFactAndApplyingTwiceChangesNothing() throws Exception {
        List<Fact> facts = List.of(transfer("f1"), transfer("f2"));
        List<Correction> cs = List.of(parse("{\"action\":\"modality\",\"fact_id\":\"f1\",\"modality\":\"denied\"}"),
                parse("{\"action\":\"role\",\"fact_id\":\"f2\",\"role\":\"supplier\",\"value\":{\"kind\":\"COUNTRY\",\"name\":\"BY\"}}"));
        List<Fact> once = Correction.applyToFacts(cs, facts);
        assertEquals(Modality.DENIED, once.get(0).modality());
        assertEquals("RU", once.get(0).role("supplier").get(0).name());
        assertEquals("BY", once.get(1).role("supplier").get(0).name());
        assertEquals(Modality.ASSERTED, once.get(1).modality());
        assertEquals("f2", once.get(1).factId(), "the fact keeps its id, so the correction finds it again after re-extraction");
        List<Fact> twice = Correction.applyToFacts(cs, once);
        assertEquals(once.stream().map(Fact::modality).toList(), twice.stream().map(Fact::modality).toList());
        assertEquals(once.get(1).roles(), twice.get(1).roles());
        assertEquals(List.of("f2"), Correction.applyToFacts(List.of(parse("{\"action\":\"reject\",\"fact_id\":\"f1\"}")), facts)
                .stream().map(Fact::factId).toList());
    }

    @Test
    void entityCorrectionsRelinkRemoveOrAddAMention() throws Exception {
        String text = "Россия и Казахстан";
        Entity ru = new Entity("COUNTRY:RU", EntityKind.COUNTRY, "RU", "RU", null, Map.of());
        Entity kz = new Entity("COUNTRY:KZ", EntityKind.COUNTRY, "KZ", "KZ", null, Map.of());
        Entity by = new Entity("COUNTRY:BY", EntityKind.COUNTRY, "BY", "BY", null, Map.of());
        Map<String, Entity> kb = Map.of(ru.id(), ru, kz.id(), kz, by.id(), by);
        List<Mention> ms = List.of(new Mention(0, 6, "Россия", ru, 0, 0, 0, false));
        List<Mention> relinked = Correction.applyToMentions(List.of(parse("{\"action\":\"entity\",\"start\":0,\"end\":6,\"entity\":\"COUNTRY:BY\"}")),
                ms, text, kb::get);
        assertEquals("COUNTRY:BY", relinked.get(0).entity().id());
        assertTrue(Correction.applyToMentions(List.of(parse("{\"action\":\"entity\",\"start\":0,\"end\":6}")), ms, text, kb::get).isEmpty());
        List<Mention> added = Correction.applyToMentions(List.of(parse("{\"action\":\"entity\",\"start\":9,\"end\":18,\"entity\":\"COUNTRY:KZ\"}")),
                ms, text, kb::get);
        assertEquals(List.of("Россия", "Казахстан"), added.stream().map(Mention::text).toList());
    }

    @Test
    void incompleteCorrectionsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{\"action\":\"modality\",\"fact_id\":\"f1\"}"))
                .getMessage().contains("names the fact and the modality"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{\"action\":\"explode\"}"))
                .getMessage().contains("unknown correction action"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{\"action\":\"modality\",\"fact_id\":\"f\",\"modality\":\"sure\"}"))
                .getMessage().contains("unknown modality 'sure'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("{\"action\":\"entity\",\"start\":5,\"end\":2}"))
                .getMessage().contains("start and end"));
    }
}
