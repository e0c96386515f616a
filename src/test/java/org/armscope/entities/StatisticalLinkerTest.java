package org.armscope.entities;

import org.armscope.language.TextAnalyzer;
import org.armscope.model.Document;
import org.armscope.model.EntityKind;
import org.armscope.model.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped recognisers with the knowledge base, on sentences of the kind the product reads. */
class StatisticalLinkerTest {
    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final StatisticalLinker LINKER =
            new StatisticalLinker(new GazetteerLinker(KnowledgeBase.load(null), ANALYZER), ANALYZER);

    private static List<Mention> link(String lang, String text) {
        return LINKER.link(ANALYZER.analyze(new Document("t", null, lang, null, null, null, null, text)));
    }

    private static Mention find(List<Mention> ms, String text) {
        return ms.stream().filter(m -> m.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no mention '" + text + "' in " + ms.stream().map(Mention::text).toList()));
    }

    @Test
    void everyShippedLanguageModelLoads() {
        for (String lang : List.of("ru", "uk", "ar", "en")) {
            assertTrue(LINKER.tagger(lang).isPresent(), lang);
        }
        assertTrue(LINKER.tagger("tr").isEmpty(), "Turkish has no training set: gazetteer only");
    }

    @Test
    void findsPeopleTheKnowledgeBaseLacksAndKeysThemByDictionaryForm() {
        List<Mention> ms = link("ru", "Министр встретился с Владимиром Путиным и Дмитрием Медведевым в Москве.");
        Mention putin = find(ms, "Владимиром Путиным");
        assertEquals(EntityKind.PERSON, putin.kind());
        assertEquals("Владимир Путин", putin.entity().name());
        // the same person written in Arabic and in Latin letters is the same new entry
        Mention arabic = find(link("ar", "وقال الرئيس الروسي فلاديمير بوتين إن بلاده ستواصل التعاون."), "فلاديمير بوتين");
        Mention latin = find(link("en", "On Monday, Vladimir Putin said the cooperation would go on."), "Vladimir Putin");
        assertEquals(putin.entity().id(), arabic.entity().id());
        assertEquals(putin.entity().id(), latin.entity().id());
        assertEquals(EntityKind.PERSON, find(ms, "Дмитрием Медведевым").kind());
    }

    @Test
    void aCommaSeparatesTwoPeople() {
        List<Mention> ms = link("ru", "В ролике снялись Дэйв Гаан, Мартин Гор и Энди Флетчер.");
        assertEquals(EntityKind.PERSON, find(ms, "Дэйв Гаан").kind());
        assertEquals(EntityKind.PERSON, find(ms, "Мартин Гор").kind());
        // a surname that is also a ship class stays a surname inside a person's name
        assertEquals(EntityKind.PERSON, find(ms, "Энди Флетчер").kind());
    }

    @Test
    void knowledgeBaseEntriesStayLinked() {
        List<Mention> ms = link("ar", "وقعت كازاخستان وجمهورية جنوب إفريقيا اتفاقية لتوريد منظومات S-300.");
        assertEquals("COUNTRY:KZ", find(ms, "كازاخستان").entity().id());
        assertEquals("COUNTRY:ZA", find(ms, "وجمهورية جنوب إفريقيا").entity().id());
        assertEquals("WEAPON:S-300", find(ms, "S-300").entity().id());
    }

    @Test
    void anArmyNamedByItsCountryKeepsTheCountryForTheFactStage() {
        List<Mention> ms = link("ru", "Офицеры казахской армии учились в Турции.");
        Mention kz = find(ms, "казахской");
        assertEquals("COUNTRY:KZ", kz.entity().id());
        assertTrue(kz.adjectival());
        // the outer organisation name is recognised too, as a layer the fact stage does not read
        var layers = LINKER.recognise(ANALYZER.analyze(new Document("t", null, "ru", null, null, null, null,
                "Офицеры казахской армии учились в Турции.")));
        assertTrue(layers.stream().anyMatch(r -> r.layer() && r.mention().text().equals("казахской армии")));
    }

    @Test
    void aLowerCaseWordIsNoCountry() {
        List<Mention> ms = link("uk", "Для того, щоб воно стало емоцією, треба часу.");
        assertFalse(ms.stream().anyMatch(m -> m.text().equals("того")), ms.toString());
    }

    @Test
    void namesInsideNamesAreAnInnerLayer() {
        String text = "Об этом сообщила пресс-служба Министерства обороны Российской Федерации.";
        var found = LINKER.recognise(ANALYZER.analyze(new Document("t", null, "ru", null, null, null, null, text)));
        var outer = found.stream().filter(r -> r.mention().text().startsWith("пресс-служба")).findFirst().orElseThrow();
        assertTrue(found.stream().anyMatch(r -> r != outer && "ORG".equals(r.type()) && r.layer()
                && r.mention().start() >= outer.mention().start() && r.mention().end() <= outer.mention().end()
                && r.mention().text().startsWith("Министерства")), found.toString());
        // the fact stage reads the country, not the layers
        assertEquals(List.of("COUNTRY:RU"), link("ru", text).stream().map(m -> m.entity().id()).toList());
    }

    @Test
    void aMonthIsNoName() {
        List<Mention> ms = link("en", "SEOUL, Aug. 27 (Yonhap) -- Poland has concluded contracts with Hanwha Defense on Monday.");
        assertFalse(ms.stream().anyMatch(m -> m.text().startsWith("Aug") || m.text().equals("Monday")), ms.toString());
        assertEquals("ORG:Hanwha Defense", find(ms, "Hanwha Defense").entity().id());
    }

    @Test
    void aPoliticalPartyIsRecognisedButIsNoActor() {
        String text = "صرح وزير الدفاع السابق ، وهو عضو في فصيل حزب المناطق ، أن التعاون سيستمر.";
        var found = LINKER.recognise(ANALYZER.analyze(new Document("t", null, "ar", null, null, null, null, text)));
        assertTrue(found.stream().anyMatch(r -> r.mention().text().equals("حزب المناطق") && "ORG".equals(r.type()) && r.layer()),
                found.toString());
        assertFalse(link("ar", text).stream().anyMatch(m -> m.text().contains("حزب")), "a party takes no part in arms deals");
    }
}
