package org.armscope.entities;

import org.armscope.language.TextAnalyzer;
import org.armscope.model.AnalyzedText;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import org.armscope.model.Mention;
import org.armscope.model.Sentence;
import org.armscope.model.Token;
import org.armscope.text.Keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Links mentions through a trie of knowledge-base name keys. Every token offers several keys
 * (surface, dictionary lemmas, clitic-stripped stems), so "Казахстана", "казахской",
 * "الكازاخستانية" and "Kazakhstan's" all reach the entry Kazakhstan; designations meet across
 * scripts through the spec's transliteration (С-300 = S-300). The longest match wins. Designations
 * the knowledge base lacks (AH-64E, VT-4) become new WEAPON entries, and runs of capitalised
 * words become PERSON or ORG candidates.
 */
public final class GazetteerLinker implements EntityLinker {
    private static final Pattern DESIGNATION = Pattern.compile(
            "^(?=.*\\d)[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{0,5}(?:[-/][A-Za-zА-Яа-я]{1,3})?-?\\d{1,4}[A-Za-zА-Яа-я0-9/-]{0,6}$");
    private static final Set<String> NOT_DESIGNATIONS = Set.of("covid19", "g7", "g20", "mh17", "b2b", "h1n1",
            "4g", "5g", "3d", "mp3", "ps5", "iso9001");
    /** Words given one a line, a "stem*" line matching any word that starts with the stem. */
    private record WordList(Set<String> exact, List<String> prefixes) {
        static WordList of(List<String> lines) {
            Set<String> exact = new java.util.HashSet<>();
            List<String> prefixes = new ArrayList<>();
            for (String w : lines) {
                if (w.endsWith("*")) {
                    prefixes.add(w.substring(0, w.length() - 1));
                } else {
                    exact.add(w);
                }
            }
            return new WordList(exact, prefixes);
        }

        boolean contains(String w) {
            if (exact.contains(w)) {
                return true;
            }
            for (String p : prefixes) {
                if (w.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code kb/org-words.txt}: words that make an unknown name an organisation, and (a line
     * starting with "-") words that make it no actor at all.
     */
    private static final WordList ORG_WORDS;
    private static final WordList NO_ACTOR_WORDS;

    static {
        List<String> org = new ArrayList<>();
        List<String> noActor = new ArrayList<>();
        try (var in = GazetteerLinker.class.getResourceAsStream("/org/armscope/kb/org-words.txt");
             var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip().toLowerCase(Locale.ROOT);
                if (line.startsWith("-")) {
                    noActor.add(line.substring(1));
                } else if (!line.isEmpty() && !line.startsWith("#")) {
                    org.add(line);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ORG_WORDS = WordList.of(org);
        NO_ACTOR_WORDS = WordList.of(noActor);
    }

    /** Whether a lower-cased word is one of {@code kb/org-words.txt}'s organisation words ("ministry", "холдинг*"). */
    public static boolean isOrgWord(String w) {
        return ORG_WORDS.contains(w);
    }

    /** Whether a token is an organisation word under any of its forms: "والشركة" is شركة after its clitics. */
    public static boolean isOrgWord(Token t) {
        if (isOrgWord(t.norm()) || isOrgWord(t.lemma())) {
            return true;
        }
        for (String k : t.keys()) {
            if (isOrgWord(k)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any word of the name is an organisation word: "Savunma Bakanlığına", "Hindustan Aeronautics Ltd". */
    private static boolean orgName(List<Token> toks, int from, int to) {
        return anyWord(toks, from, to, ORG_WORDS);
    }

    /** Whether a word of the name makes it no actor: "Askeri-Mali İşbirliği Anlaşmaları" names a treaty. */
    static boolean notAnActor(List<Token> toks, int from, int to) {
        return anyWord(toks, from, to, NO_ACTOR_WORDS);
    }

    private static boolean anyWord(List<Token> toks, int from, int to, WordList words) {
        for (int k = from; k <= to; k++) {
            if (words.contains(toks.get(k).norm().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(2);
        final List<Hit> hits = new ArrayList<>(1);
    }

    /** {@code upper}: an all-capital short name (ROK, KE, РФ) matches only text in capitals too. */
    private record Hit(Entity entity, boolean adjective, boolean caseSensitive, boolean upper, boolean capitalised) {
    }

    private final Node root = new Node();
    private final KnowledgeBase kb;
    private final TextAnalyzer analyzer;
    private final Map<String, Entity> designations = new HashMap<>();

    public GazetteerLinker(KnowledgeBase kb, TextAnalyzer analyzer) {
        this.kb = kb;
        this.analyzer = analyzer;
        for (Entity e : kb.entities()) {
            for (KnowledgeBase.Name n : kb.names(e.id())) {
                String lang = KnowledgeBase.LANGUAGES.contains(n.lang()) ? n.lang() : "en";
                List<String> keys = e.kind() == EntityKind.WEAPON ? List.of(n.text().split("\\s+")).stream()
                        .map(Keys::lookupKey).filter(k -> !k.isEmpty()).toList() : analyzer.nameKeys(n.text(), lang);
                if (keys.isEmpty() || (keys.size() == 1 && keys.get(0).length() < 2)) {
                    continue;
                }
                boolean caseSensitive = e.kind() == EntityKind.WEAPON && !n.text().equals(n.text().toLowerCase(Locale.ROOT));
                Node node = root;
                for (String k : keys) {
                    node = node.next.computeIfAbsent(k, x -> new Node());
                }
                String letters = n.text().replaceAll("[^\\p{L}]", "");
                boolean upper = letters.length() <= 5 && !letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT))
                        && !letters.equals(letters.toLowerCase(Locale.ROOT));
                boolean capitalised = !n.text().isEmpty() && Character.isUpperCase(n.text().codePointAt(0));
                Hit hit = new Hit(e, n.adjective(), caseSensitive, upper, capitalised);
                if (node.hits.stream().noneMatch(h -> h.entity().id().equals(e.id()) && h.adjective() == n.adjective())) {
                    node.hits.add(hit);
                }
                if (e.kind() == EntityKind.WEAPON) {
                    designations.putIfAbsent(Keys.specKey(n.text()), e);
                }
            }
        }
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    @Override
    public List<Mention> link(AnalyzedText text) {
        List<Mention> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<Token> toks = s.tokens();
            int i = 0;
            while (i < toks.size()) {
                Match best = longest(toks, i);
                if (best != null) {
                    boolean adjective = best.hit.adjective() || nisba(toks.get(i), i, best, text.lang());
                    out.add(mention(text, s, i, best.end - 1, best.hit.entity(), adjective));
                    i = best.end;
                    continue;
                }
                Token t = toks.get(i);
                if (hasDigit(t.text()) && DESIGNATION.matcher(t.text()).matches() && !NOT_DESIGNATIONS.contains(Keys.specKey(t.text()))
                        && !t.text().matches("\\d.*")) {
                    int end = i;
                    // a short upper-case suffix word belongs to the designation: "PAC-3 MSE"
                    if (i + 1 < toks.size() && toks.get(i + 1).text().matches("[A-Z]{2,4}")) {
                        end = i + 1;
                    }
                    String name = s.text().substring(t.start() - s.start(), toks.get(end).end() - s.start());
                    out.add(mention(text, s, i, end, unknownWeapon(name), false));
                    i = end + 1;
                    continue;
                }
                int end = properNameEnd(toks, i, this);
                if (end > i) {
                    String name = s.text().substring(t.start() - s.start(), toks.get(end).end() - s.start());
                    if (notAnActor(toks, i, end)) {
                        i = end + 1;
                        continue;
                    }
                    boolean org = orgName(toks, i, end);
                    EntityKind kind = org ? EntityKind.ORG : EntityKind.PERSON;
                    out.add(mention(text, s, i, end, KnowledgeBase.unknown(kind, name, null), false));
                    i = end + 1;
                    continue;
                }
                i++;
            }
        }
        return out;
    }

    /**
     * {@code exact}: every token matched by its surface key, not by a stripped stem; {@code strip}: the
     * furthest look-up key any word was matched by (0 the surface, then lemmas, then stripped stems).
     */
    private record Match(int end, Hit hit, boolean exact, int strip) {
    }

    /** A country named by an adjective ending ("الكازاخستانية", "Endonezyalı") that the look-up reached through its stem. */
    private boolean nisba(Token t, int start, Match m, String lang) {
        if (m.hit().entity().kind() != EntityKind.COUNTRY || m.end() != start + 1) {
            return false;
        }
        String surface = Keys.arabicNormalize(t.norm());
        for (String suffix : analyzer.profile(lang).adjectiveSuffixes()) {
            String suf = Keys.arabicNormalize(suffix);
            if (surface.endsWith(suf) && kb.names(m.hit().entity().id()).stream().filter(n -> !n.adjective())
                    .noneMatch(n -> Keys.arabicNormalize(n.text().toLowerCase(Locale.ROOT)).endsWith(suf))) {
                return true;
            }
        }
        return false;
    }


    private Match longest(List<Token> toks, int start) {
        Match[] best = {null};
        walk(root, toks, start, start, true, 0, best);
        return best[0];
    }

    private void walk(Node node, List<Token> toks, int start, int i, boolean exact, int strip, Match[] best) {
        if (i > start && !node.hits.isEmpty()) {
            for (Hit h : node.hits) {
                if (h.caseSensitive() && i - start == 1 && !looksLikeName(toks.get(start))) {
                    continue;
                }
                if (h.caseSensitive() && i - start == 1 && start == 0 && !toks.get(start).tag().isEmpty()) {
                    // a system named by a common word ("Конкурс", the missile) capitalised only because it
                    // opens the sentence is the word: "Конкурс на 126 истребителей объявили в 2007 году"
                    continue;
                }
                if (h.upper() && !allCaps(toks, start, i)) {
                    continue;
                }
                if (h.capitalised() && !h.adjective() && h.entity().kind() != EntityKind.WEAPON
                        && Character.isLowerCase(toks.get(start).text().codePointAt(0))) {
                    continue; // a proper name written in lower case is a word: "того" is not Togo, "chad" not Chad
                }
                if (h.entity().kind() == EntityKind.COUNTRY && i < toks.size() && "$".equals(toks.get(i).text())) {
                    continue; // "US$5.76 billion" is money, not the United States
                }
                Match b = best[0];
                // longer first; then a surface match over a stem match ("Endonezyalı" the adjective,
                // not "Endonezya" reached by stripping); then the less stripped ("التركي" is تركي,
                // Turkish, before ترك); then the kind's rank
                if (b == null || i > b.end || (i == b.end && (exact && !b.exact
                        || exact == b.exact && (strip < b.strip || strip == b.strip && rank(h) > rank(b.hit))))) {
                    best[0] = new Match(i, h, exact, strip);
                }
            }
        }
        if (i >= toks.size() || i - start >= 8) {
            return;
        }
        Token t = toks.get(i);
        boolean matched = false;
        for (int ki = 0; ki < t.keys().size(); ki++) {
            Node n = node.next.get(t.keys().get(ki));
            if (n != null) {
                matched = true;
                walk(n, toks, start, i + 1, exact && ki == 0, Math.max(strip, ki), best);
            }
        }
        // a spelling slip in a later word of a longer name: "Jamestown Fondation" is the Jamestown
        // Foundation (one edit in a word of six letters or more, after a word that matched exactly)
        if (!matched && i > start && node.next.size() <= 16 && t.isCapitalized() && !t.keys().isEmpty()) {
            String key = t.keys().get(0);
            if (key.length() >= 6) {
                for (Map.Entry<String, Node> e : node.next.entrySet()) {
                    if (e.getKey().length() >= 6 && oneEdit(key, e.getKey())) {
                        walk(e.getValue(), toks, start, i + 1, false, 99, best);
                    }
                }
            }
        }
    }

    /** Whether two different words are one insertion, deletion, substitution or swap of neighbours apart. */
    static boolean oneEdit(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true; // substitution
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)); // swap
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    private static boolean allCaps(List<Token> toks, int from, int to) {
        for (int k = from; k < to; k++) {
            // a suffix after an apostrophe is no part of the name: "ABD'den", "NATO'nun"
            String text = toks.get(k).text().replaceFirst("['’][\\p{Ll}]+$", "");
            String letters = text.replaceAll("[^\\p{L}]", "");
            if (!letters.equals(letters.toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeName(Token t) {
        String s = t.text();
        return !s.equals(s.toLowerCase(Locale.ROOT)) || s.chars().anyMatch(Character::isDigit)
                || Keys.isArabic(s.codePointAt(0));
    }

    /**
     * Which of two entries of one name wins: a designation, a country, a city, a system named by a
     * plain word ("Berlin" is the city before the ship class, "Eurofighter" the aircraft before the
     * company), an organisation, a person.
     */
    private static int rank(Hit h) {
        return switch (h.entity().kind()) {
            case WEAPON -> h.entity().name().chars().anyMatch(Character::isDigit) ? 50 : 44;
            case COUNTRY -> h.adjective() ? 20 : 46;
            case LOC -> KnowledgeBase.CITY.equals(h.entity().category()) ? 45 : 10;
            case ORG -> 40;
            case PERSON -> 20;
            default -> 10;
        };
    }

    private Entity unknownWeapon(String name) {
        Entity known = designations.get(Keys.specKey(name));
        if (known != null) {
            return known;
        }
        return new Entity("WEAPON:" + name, EntityKind.WEAPON, name, null, null, Map.of());
    }

    /** A run of two to four capitalised Latin or Cyrillic words not starting the sentence alone. */
    private static int properNameEnd(List<Token> toks, int i, GazetteerLinker linker) {
        if (FUNCTION_WORDS.contains(toks.get(i).norm()) || isCalendarWord(toks.get(i).norm())) {
            return i; // "On Wednesday", "The Council": a capitalised function word does not start a name
        }
        if (i > 0 && hasDigit(toks.get(i - 1).text()) && DESIGNATION.matcher(toks.get(i - 1).text()).matches()) {
            return i; // "F/A-18 Super Hornet": the words after a designation are its name, not a person
        }
        int j = i;
        while (j < toks.size() && j - i < 4 && isCapWord(toks.get(j)) && (j == i || linker.longest(toks, j) == null)) {
            j++;
        }
        return j - i >= 2 ? j - 1 : i;
    }

    private static final Set<String> FUNCTION_WORDS = new java.util.HashSet<>();

    static {
        for (org.apache.lucene.analysis.CharArraySet set : List.of(
                org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet(),
                org.apache.lucene.analysis.tr.TurkishAnalyzer.getDefaultStopSet(),
                org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer.getDefaultStopwords())) {
            for (Object o : set) {
                FUNCTION_WORDS.add(new String((char[]) o));
            }
        }
        FUNCTION_WORDS.addAll(List.of("according", "on", "at", "as", "after", "before", "while", "when", "during",
                "under", "over", "but", "however", "meanwhile", "last", "next", "this", "that", "these", "those"));
    }

    private static final Set<String> CALENDAR_WORDS = new java.util.HashSet<>();

    static {
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            CALENDAR_WORDS.add(d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        for (java.time.Month m : java.time.Month.values()) {
            CALENDAR_WORDS.add(m.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isCalendarWord(String w) {
        return CALENDAR_WORDS.contains(w);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCapWord(Token t) {
        String s = t.text();
        return s.length() > 1 && Character.isUpperCase(s.codePointAt(0)) && Character.isLetter(s.codePointAt(0))
                && !Keys.isArabic(s.codePointAt(0)) && s.chars().skip(1).anyMatch(Character::isLowerCase);
    }

    private static Mention mention(AnalyzedText text, Sentence s, int first, int last, Entity e, boolean adjective) {
        int start = s.tokens().get(first).start();
        int end = s.tokens().get(last).end();
        return new Mention(start, end, text.document().text().substring(start, end), e, s.index(), first, last, adjective);
    }

    /** Entities by id among the mentions, for callers that want each once. */
    public static Map<String, Entity> distinct(List<Mention> mentions) {
        Map<String, Entity> out = new LinkedHashMap<>();
        for (Mention m : mentions) {
            out.putIfAbsent(m.entity().id(), m.entity());
        }
        return out;
    }
}
