package org.armscope.language;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.armscope.model.AnalyzedText;
import org.armscope.model.Document;
import org.armscope.model.Sentence;
import org.armscope.model.Token;
import org.armscope.text.Keys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language stage: identifies the language, splits each paragraph into sentences (ICU),
 * tokenises (designations such as С-300, F/A-18 and Türkiye'nin stay one token), and gives
 * each token its lemma, tag and look-up keys from the language's profile.
 */
public final class TextAnalyzer {
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{IsArabic}&&\\p{L}](?:[\\p{IsArabic}&&\\p{L}]|\\p{Mn})*(?:-\\d+)?"
                    + "|[٠-٩]+"
                    // initials keep their points: "И.Н. Ульянова", "П. И. Чайковского", "J. R. R. Tolkien"
                    + "|(?:[\\p{Lu}&&[^\\p{IsArabic}]]\\.){1,3}(?=\\s*[\\p{Lu}])"
                    + "|[[\\p{L}\\p{M}\\p{N}]&&[^\\p{IsArabic}]]+(?:[-'’/.,][[\\p{L}\\p{M}\\p{N}]&&[^\\p{IsArabic}]]+)*"
                    + "|[^\\s]");

    private final LanguageIdentifier identifier;
    private final Map<String, LanguageProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, Morphology> morphologies = new ConcurrentHashMap<>();

    public TextAnalyzer(LanguageIdentifier identifier) {
        this.identifier = identifier;
    }

    public TextAnalyzer() {
        this(new LanguageIdentifier());
    }

    public LanguageProfile profile(String lang) {
        return profiles.computeIfAbsent(lang, LanguageProfile::load);
    }

    private final ThreadLocal<java.util.Map<String, BreakIterator>> sentenceBreakers = ThreadLocal.withInitial(java.util.HashMap::new);

    public AnalyzedText analyze(Document doc) {
        String lang = doc.lang() != null ? doc.lang() : identifier.identify(doc.text());
        return analyze(doc.withLang(lang), lang);
    }

    private AnalyzedText analyze(Document doc, String lang) {
        LanguageProfile profile = profile(lang);
        Morphology morph = profile.morphology() == null ? null
                : morphologies.computeIfAbsent(profile.morphology(), Morphology::new);
        // "ss=standard": CLDR's abbreviation list keeps "S. Korean" and "Aug. 27" inside their sentence
        // one per language and thread, reused: ICU reads the rules and builds the abbreviation trie for each
        // new instance; a break iterator is not safe to share between threads
        BreakIterator sentences = sentenceBreakers.get().computeIfAbsent(lang,
                l -> BreakIterator.getSentenceInstance(new ULocale(l + "@ss=standard")));
        List<Sentence> out = new ArrayList<>();
        String text = doc.text();
        int lineStart = 0;
        int paragraph = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            sentences.setText(line);
            int s = sentences.first();
            for (int e = sentences.next(); e != BreakIterator.DONE; s = e, e = sentences.next()) {
                while (e != BreakIterator.DONE && e < line.length() && (endsWithInitial(line, e) || insideQuotedName(line, s, e))) {
                    e = sentences.next(); // "И.Н. Ульянова", «Коммерсант-Черноземье. Воронеж»: no sentence ends there
                }
                if (e == BreakIterator.DONE) {
                    e = line.length();
                }
                int a = s;
                int b = e;
                while (a < b && Character.isWhitespace(line.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(line.charAt(b - 1))) {
                    b--;
                }
                if (b > a) {
                    int start = lineStart + a;
                    int end = lineStart + b;
                    out.add(new Sentence(out.size(), start, end, text.substring(start, end),
                            tokens(text, start, end, profile, morph), paragraph));
                }
            }
            paragraph++;
            lineStart = lineEnd + 1;
        }
        return new AnalyzedText(doc, lang, out);
    }

    private static final Pattern INITIAL_END = Pattern.compile("(?:^|[\\s.])[\\p{Lu}&&[^\\p{IsArabic}]]\\.\\s*$");

    /** Whether the text before a sentence break ends with a one-letter capital and its point. */
    private static boolean endsWithInitial(String line, int e) {
        int from = Math.max(0, e - 4);
        return INITIAL_END.matcher(line.substring(from, e)).find() && e < line.length()
                && Character.isUpperCase(line.codePointAt(skipSpace(line, e)));
    }

    /**
     * A boundary inside a name in guillemets that closes a few words later, before any other end of
     * sentence: the newspaper «Коммерсант-Черноземье. Воронеж», the programme «Т.Б. 2».
     */
    static boolean insideQuotedName(String line, int s, int e) {
        int open = 0;
        for (int i = s; i < e; i++) {
            char c = line.charAt(i);
            if (c == '«') {
                open++;
            } else if (c == '»' && open > 0) {
                open--;
            }
        }
        if (open == 0) {
            return false;
        }
        int limit = Math.min(line.length(), e + 40);
        for (int i = e; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '»') {
                return true;
            }
            if (c == '.' || c == '!' || c == '?' || c == '«') {
                return false;
            }
        }
        return false;
    }

    private static int skipSpace(String line, int i) {
        while (i < line.length() - 1 && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private List<Token> tokens(String text, int start, int end, LanguageProfile profile, Morphology morph) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(start, end);
        while (m.find()) {
            out.add(token(m.group(), m.start(), m.end(), profile, morph));
        }
        return out;
    }

    /**
     * The key of each word of a knowledge-base name, as the name's own language reads it: the
     * dictionary lemma where there is one ("Южная Корея" gives "южный", "корея"), else the surface.
     */
    public List<String> nameKeys(String name, String lang) {
        LanguageProfile profile = profile(lang);
        Morphology morph = profile.morphology() == null ? null
                : morphologies.computeIfAbsent(profile.morphology(), Morphology::new);
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(name);
        while (m.find()) {
            String surface = m.group();
            if (!Character.isLetterOrDigit(surface.codePointAt(0))) {
                continue;
            }
            String key = Keys.lookupKey(surface);
            if (morph != null && Character.isLetter(surface.charAt(0)) && !surface.matches(".*\\d.*")) {
                List<Morphology.Reading> readings = morph.readings(surface);
                if (!readings.isEmpty()) {
                    key = Keys.lookupKey(readings.get(0).lemma());
                }
            } else if (profile.splitApostrophe() && surface.indexOf('\'') > 0) {
                key = Keys.lookupKey(surface.substring(0, surface.indexOf('\'')));
            }
            if (!key.isEmpty()) {
                out.add(key);
            }
        }
        return out;
    }

    Token token(String surface, int start, int end, LanguageProfile profile, Morphology morph) {
        String norm = surface.replace('’', '\'').toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Keys.lookupKey(norm));
        String lemma = norm;
        StringBuilder tags = new StringBuilder();
        String base = norm;
        if (profile.splitApostrophe()) {
            int ap = norm.indexOf('\'');
            if (ap > 0) {
                base = norm.substring(0, ap);
                keys.add(Keys.lookupKey(base));
                lemma = base;
            }
        }
        boolean known = false;
        if (morph != null && Character.isLetter(surface.charAt(0))) {
            for (Morphology.Reading r : morph.readings(surface)) {
                if (!known) {
                    lemma = r.lemma().toLowerCase(Locale.ROOT);
                }
                known = true;
                keys.add(Keys.lookupKey(r.lemma()));
                if (tags.length() > 0) {
                    tags.append('|');
                }
                tags.append(r.tag());
            }
        }
        if (!known && Character.isLetter(surface.charAt(0))) {
            for (String stem : AffixStripper.stems(base, profile)) {
                keys.add(Keys.lookupKey(stem));
            }
        }
        return new Token(surface, start, end, norm, lemma, tags.toString(), List.copyOf(keys));
    }
}
