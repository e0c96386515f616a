package org.armscope.language;

import org.armscope.model.AnalyzedText;
import org.armscope.model.Document;
import org.armscope.model.Sentence;
import org.armscope.model.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextAnalyzerTest {
    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static AnalyzedText analyze(String text) {
        return ANALYZER.analyze(new Document("t", null, null, null, null, null, null, text));
    }

    private static Token token(AnalyzedText a, String surface) {
        return a.sentences().stream().flatMap(s -> s.tokens().stream()).filter(t -> t.text().equals(surface))
                .findFirst().orElseThrow(() -> new AssertionError("no token " + surface));
    }

    @Test
    void analysingOnManyThreadsSplitsSentencesAsOnOne() throws Exception {
        // the sentence splitter is reused per language; threads must not move each other's boundaries
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("Россия поставила " + i + " самолётов. Алжир доволен, сообщил министр. Сделка закрыта.\n"
                    + "S. Korean firm Hanwha signed on Aug. 27 a deal for " + i + " guns. Mr. Smith said so.");
        }
        List<List<Integer>> sequential = texts.stream().map(t -> boundaries(analyze(t))).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Integer>>> parallel = new java.util.ArrayList<>();
            for (String t : texts) {
                parallel.add(pool.submit(() -> boundaries(analyze(t))));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(sequential.get(i), parallel.get(i).get(), "text " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, sequential.get(0).size() / 2, "five sentences: " + sequential.get(0));
    }

    private static List<Integer> boundaries(AnalyzedText a) {
        return a.sentences().stream().flatMap(x -> java.util.stream.Stream.of(x.start(), x.end())).toList();
    }

    @Test
    void aPointInsideAQuotedNameEndsNoSentence() {
        AnalyzedText a = analyze("Газета «Коммерсант-Черноземье. Воронеж» писала об этом. Он сказал: «Мы готовы». Потом ушёл.");
        assertEquals(List.of("Газета «Коммерсант-Черноземье. Воронеж» писала об этом.", "Он сказал: «Мы готовы».", "Потом ушёл."),
                a.sentences().stream().map(Sentence::text).toList());
    }

    @Test
    void identifiesLanguages() {
        LanguageIdentifier id = new LanguageIdentifier();
        assertEquals("ru", id.identify("Министерство обороны Казахстана заявило, что процесс выбора предприятия уже идет."));
        assertEquals("uk", id.identify("Україна передає Таїланду чергову партію танків, повідомили у пресслужбі."));
        assertEquals("ar", id.identify("قال الخبير إن أوكرانيا زودت كازاخستان بمعدات الطيران."));
        assertEquals("tr", id.identify("Türkiye ve Endonezya savaş uçağı projelerinde birlikte çalışacaklarını duyurdu."));
        assertEquals("en", id.identify("Poland has concluded contracts with two South Korean defence companies."));
    }

    @Test
    void russianAndUkrainianLemmasFromDictionaries() {
        AnalyzedText ru = analyze("Минобороны Казахстана похвалило казахской армии истребителей.");
        assertEquals("ru", ru.lang());
        assertEquals("казахстан", token(ru, "Казахстана").lemma());
        assertEquals("казахский", token(ru, "казахской").lemma());
        assertEquals("истребитель", token(ru, "истребителей").lemma());
        AnalyzedText uk = analyze("Загалом за контрактом Таїланд має отримати від України сорок дев'ять танків.");
        assertEquals("uk", uk.lang());
        assertEquals("україна", token(uk, "України").lemma());
        assertEquals("танк", token(uk, "танків").lemma());
    }

    @Test
    void arabicClitics() {
        AnalyzedText ar = analyze("زودت أوكرانيا معدات الطيران الكازاخستانية وأنظمة الصواريخ لأوكرانيا.");
        assertEquals("ar", ar.lang());
        assertTrue(token(ar, "الكازاخستانية").keys().contains("كازاخستان"), token(ar, "الكازاخستانية").keys().toString());
        assertTrue(token(ar, "وأنظمة").keys().contains("انظمه"), token(ar, "وأنظمة").keys().toString());
        assertTrue(token(ar, "لأوكرانيا").keys().contains("اوكرانيا"));
    }

    @Test
    void sentencesHaveOffsetsIntoTheCleanText() {
        String text = "Title without a full stop\nFirst sentence here. Second one follows! Third?";
        AnalyzedText a = analyze(text);
        List<Sentence> s = a.sentences();
        assertEquals(4, s.size());
        for (Sentence x : s) {
            assertEquals(x.text(), text.substring(x.start(), x.end()));
        }
        assertEquals("Second one follows!", s.get(2).text());
    }

    @Test
    void designationsStayOneToken() {
        AnalyzedText a = analyze("Россия поставила С-300 и МиГ-31, а США — F/A-18 и AH-64E.");
        for (String d : List.of("С-300", "МиГ-31", "F/A-18", "AH-64E")) {
            token(a, d);
        }
    }

    @Test
    void initialsKeepTheirPointsAndCommasAreTokens() {
        AnalyzedText a = ANALYZER.analyze(new Document("t", null, "ru", null, null, null, null,
                "Концерт в зале имени П. И. Чайковского и университете имени И.Н. Ульянова. В ролике Дэйв Гаан, Мартин Гор."));
        assertEquals(2, a.sentences().size(), "an initial's point ends no sentence");
        List<String> words = a.sentences().get(0).tokens().stream().map(Token::text).toList();
        assertTrue(words.containsAll(List.of("П.", "И.", "И.Н.")), words.toString());
        assertTrue(a.sentences().get(1).tokens().stream().anyMatch(t -> t.text().equals(",")), "the comma between two names is a token");
    }

    @Test
    void aCapitalisedWordIsAlsoReadAsTheCommonWord() {
        AnalyzedText a = ANALYZER.analyze(new Document("t", null, "uk", null, null, null, null, "Далі три."));
        String tags = a.sentences().get(0).tokens().get(0).tag();
        assertTrue(tags.contains("lname"), "the surname: " + tags);
        assertTrue(tags.contains("noun:inanim"), "and the common word далі: " + tags);
    }
}
