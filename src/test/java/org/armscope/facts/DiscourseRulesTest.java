package org.armscope.facts;

import org.armscope.TestPipeline;
import org.armscope.model.RawDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that read a fact's arguments from how the text names its actors and items: agent
 * phrases, possessive makers, government words, demonstratives, alliances named before the word,
 * items listed in a following sentence. Sentences written for these tests, in several languages.
 */
class DiscourseRulesTest {
    private static List<String> facts(String id, String text) {
        return TestPipeline.get().process(new RawDocument(id, "test", text, false, "UTF-8")).facts().stream()
                .map(FactKeys::describe).toList();
    }

    private static boolean has(List<String> facts, String... parts) {
        return facts.stream().anyMatch(f -> java.util.Arrays.stream(parts).allMatch(f::contains));
    }

    @Test
    void anAgentPhraseNamesTheProviderAndIsNoAid() {
        List<String> f = facts("t1", "Индия модернизирует свои истребители МиГ-29 с помощью России.");
        assertTrue(has(f, "MAINTENANCE", "customer=IN", "provider=RU"), f.toString());
        assertFalse(has(f, "AID"), "'с помощью' is no aid: " + f);
    }

    @Test
    void aCompanyInThePossessiveMakesTheSystemAndTheGovernmentBuys() {
        List<String> f = facts("t2", "On Wednesday the Swiss government said it had chosen Lockheed Martin's F-35 fighters.");
        assertTrue(has(f, "PROCUREMENT", "buyer=CH", "item=F-35"), f.toString());
        assertFalse(has(f, "buyer=Lockheed Martin"), f.toString());
    }

    @Test
    void aDemonstrativePointsBackToTheSystemNamedLast() {
        List<String> f = facts("t3", "В 2005 году Россия поставила Индии истребители МиГ-29К.\n"
                + "Индия закупила эти самолеты для своего флота.");
        assertTrue(has(f, "PROCUREMENT", "buyer=IN", "item=MiG-29"), f.toString());
        assertFalse(has(f, "PROCUREMENT", "item=aircraft"), "'эти самолеты' is the MiG-29K: " + f);
    }

    @Test
    void itemsListedInTheNextSentenceCompleteTheExchange() {
        List<String> f = facts("t4", "واشنطن توافق على صفقات سلاح لإسرائيل\n"
                + "وافقت الإدارة الأمريكية على صفقات سلاح لإسرائيل. وتتضمن الحزمة 20 مروحية AH-64E و100 مركبة JLTV.");
        assertTrue(has(f, "TRANSFER", "item=AH-64E", "recipient=IL", "supplier=US"), f.toString());
        assertTrue(has(f, "TRANSFER", "item=JLTV", "recipient=IL", "supplier=US"), f.toString());
    }

    @Test
    void anAllianceNamedBeforeTheWordOfMembership() {
        List<String> f = facts("t5", "Mektupta Türkiye'nin uzun yıllardır NATO müttefiki olduğu hatırlatıldı.");
        assertTrue(has(f, "MEMBERSHIP", "member=TR", "organization=NATO"), f.toString());
    }

    @Test
    void tenseAndAccusationGiveTheModality() {
        List<String> f = facts("t6", "Производитель безвозмездно передаст Украине три беспилотника Bayraktar TB2.");
        assertTrue(has(f, "recipient=UA", "planned"), "a future verb next to the trigger: " + f);
        List<String> g = facts("t7", "Вашингтон звинуватив Пхеньян у таємних поставках артилерійських снарядів Росії.");
        assertTrue(has(g, "TRANSFER", "recipient=RU", "supplier=KP", "alleged"), "what one is accused of is alleged: " + g);
        List<String> h = facts("t8", "Уже в 2024 году может стартовать производство в рамках соглашения, заключенного в мае 2022 "
                + "между компаниями Kazakhstan Engineering и Turkish Aerospace Industries.");
        assertTrue(has(h, "AGREEMENT", "asserted"), "a concluded agreement is done: " + h);
    }

    @Test
    void theCountryIsTheCountryNamedBefore() {
        List<String> f = facts("t9", "Naval news of the week\n"
                + "Indonesia has been modernising its navy for a decade. In 2010 the country placed an order for four "
                + "SIGMA corvettes with the Dutch shipyard.");
        assertTrue(has(f, "PROCUREMENT", "buyer=ID", "item=SIGMA"), "'the country' is Indonesia: " + f);
    }

    @Test
    void aNounBeforeAQuotedNameIntroducesItAndRefersToNothingBefore() {
        List<String> f = facts("t9b", "Новости отрасли\n"
                + "Об этом сообщила газета «Вечерний Воронеж». Сборку бронемашин LMV по лицензии наладит предприятие "
                + "«172 Центральный автомобильный ремонтный завод».");
        assertFalse(f.stream().anyMatch(x -> x.contains("Вечерний Воронеж")), "'предприятие «…»' is not the newspaper: " + f);
    }

    @Test
    void theMakerOfASystemIsNoProductionAndACoordinatedSubjectAreTheParties() {
        List<String> f = facts("t10", "В тендере участвовали шведский JAS 39 Gripen NG производства Saab и российский МиГ-35.");
        assertFalse(has(f, "PRODUCTION"), "'производства Saab' names the maker: " + f);
        List<String> g = facts("t11", "Россия и Италия подписали контракт, по которому будут выпущены 60 бронемашин компании «Ивеко».");
        assertTrue(has(g, "AGREEMENT", "parties=RU+IT") || has(g, "AGREEMENT", "parties=IT+RU"), g.toString());
        assertFalse(has(g, "AGREEMENT", "Iveco"), "the company of the subordinate clause is no party: " + g);
    }

    @Test
    void theMakersOfTheSystemsConsideredCompeteForTheBuyer() {
        List<String> f = facts("t12", "Norway picks a new tank\n"
                + "Norway has ordered Hyundai Rotem's K2 tanks for its army. Rheinmetall's Leopard 2 and "
                + "General Dynamics' M1 Abrams had also been considered.");
        assertTrue(has(f, "COMPETITION", "market=NO", "Rheinmetall", "General Dynamics"), f.toString());
    }

    @Test
    void aTurkishNegationAfterTheVerbDeniesTheFact() {
        List<String> f = facts("t13", "Türkiye, Rusya'dan yeni S-400 sistemleri satın almayacak.");
        assertTrue(has(f, "PROCUREMENT", "buyer=TR", "denied"), f.toString());
    }

    @Test
    void aVerbFinalModalFollowsTheTriggerNoun() {
        List<String> f = facts("t14", "Türkiye ile Suudi Arabistan arasında savaş gemisi satışını kapsayan paket için müzakereler sürüyor.");
        assertTrue(has(f, "TRANSFER", "possible"), "negotiations under way: " + f);
    }

    @Test
    void theSystemsAReplacementNamesAreNotTheOnesBought() {
        List<String> en = facts("r1", "Romania has bought 32 F-16 fighters from Norway to replace its MiG-21 LanceR jets.");
        assertTrue(has(en, "item=F-16"), en.toString());
        assertFalse(has(en, "item=MiG-21"), "the MiG-21 is the jet replaced: " + en);
        List<String> ru = facts("r2", "Египет закупит у России истребители Су-35 на замену устаревшим МиГ-21.");
        assertTrue(has(ru, "item=Su-35"), ru.toString());
        assertFalse(has(ru, "item=MiG-21"), "МиГ-21 is the jet replaced: " + ru);
    }

    @Test
    void aDatelineNamesNoActor() {
        List<String> en = facts("d1", "MOSCOW, Aug. 27 (Reuters) -- India signed a contract with Israel for Barak-8 missiles.");
        assertTrue(has(en, "AGREEMENT", "IN", "IL"), en.toString());
        assertFalse(has(en, "RU"), "Moscow is where the story was filed: " + en);
        List<String> ru = facts("d2", "МОСКВА, 27 августа — РИА Новости. Индия подписала контракт с Израилем на поставку ракет Barak-8.");
        assertTrue(has(ru, "IN", "IL"), ru.toString());
        assertFalse(has(ru, "RU"), "Москва is where the story was filed: " + ru);
    }

    @Test
    void theArabicVerbOfConcludingIsAnAgreement() {
        List<String> f = facts("a1", "أبرمت مصر وفرنسا اتفاقا لشراء 30 طائرة رافال.");
        assertTrue(has(f, "AGREEMENT", "EG", "FR"), f.toString());
        List<String> g = facts("a2", "أنقرة ولندن تبرمان صفقة لتزويد تركيا بمقاتلات تايفون");
        assertTrue(has(g, "AGREEMENT", "TR", "GB"), g.toString());
        assertTrue(has(g, "TRANSFER", "recipient=TR", "supplier=GB"), g.toString());
        assertFalse(has(g, "PROCUREMENT", "buyer=GB"), "London supplies the Typhoons, it does not buy them: " + g);
    }

    @Test
    void ammunitionAndTheArabicVerbOfSupplyingMakeATransfer() {
        List<String> f = facts("a3", "تورد روسيا إلى مصر خراطيش ورصاص للأسلحة الخفيفة بموجب صفقة جديدة.");
        assertTrue(has(f, "TRANSFER", "supplier=RU", "recipient=EG", "other"), f.toString());
        List<String> r = facts("r3", "Белоруссия поставит в Сербию патроны для стрелкового оружия.");
        assertTrue(has(r, "TRANSFER", "supplier=BY", "recipient=RS", "other"), r.toString());
    }

    @Test
    void whatADealProvidesForIsPlanned() {
        List<String> f = facts("a4", "أعلن البنتاغون أمس عن عقد جديد بقيمة ملياري دولار، تبيع بموجبه الولايات المتحدة لقطر 24 طائرة F-15.");
        assertTrue(has(f, "TRANSFER", "supplier=US", "recipient=QA", "planned"), f.toString());
    }
}
