package org.armscope.clean;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores blocks as article text or chrome, and picks the article as the run of blocks with
 * the highest total score (the body-text-extraction idea: a maximum-sum segment). Features:
 * word count, sentence punctuation, stop-word share (Lucene's lists for many languages),
 * link density, and the share of words that belong to boilerplate phrases.
 */
final class BlockClassifier {
    /** A word; in scripts written without spaces (Han, Hiragana, Katakana, Thai) each character counts as one. */
    private static final Pattern WORD = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]"
                    + "|[[\\p{L}\\p{M}\\p{N}]&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]]+(?:[-+'’.][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Set<String> STOP = new HashSet<>();
    /** Boilerplate phrases by their first word, so a block is matched in one pass over its words. */
    private static final java.util.Map<String, List<String[]>> BOILERPLATE = new java.util.HashMap<>();
    private static final int MAX_PHRASE = 4;

    static {
        for (CharArraySet set : List.of(RussianAnalyzer.getDefaultStopSet(), ArabicAnalyzer.getDefaultStopSet(),
                TurkishAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                GermanAnalyzer.getDefaultStopSet(), FrenchAnalyzer.getDefaultStopSet(),
                SpanishAnalyzer.getDefaultStopSet(),
                org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer.getDefaultStopwords())) {
            for (Object o : set) {
                STOP.add(new String((char[]) o));
            }
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BlockClassifier.class.getResourceAsStream("boilerplate.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip().toLowerCase(Locale.ROOT);
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] phrase = line.split("\\s+");
                    if (phrase.length <= MAX_PHRASE) {
                        BOILERPLATE.computeIfAbsent(phrase[0], k -> new ArrayList<>()).add(phrase);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BlockClassifier() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Share of the block's words covered by boilerplate phrases. */
    static double boilerplateShare(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        boolean[] covered = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            List<String[]> phrases = BOILERPLATE.get(words.get(i));
            if (phrases == null) {
                continue;
            }
            for (String[] phrase : phrases) {
                if (i + phrase.length > words.size()) {
                    continue;
                }
                boolean match = true;
                for (int j = 1; j < phrase.length && match; j++) {
                    match = words.get(i + j).equals(phrase[j]);
                }
                if (match) {
                    for (int j = 0; j < phrase.length; j++) {
                        covered[i + j] = true;
                    }
                }
            }
        }
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return (double) n / words.size();
    }

    static double stopShare(List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String w : words) {
            n += STOP.contains(w) ? 1 : 0;
        }
        return (double) n / words.size();
    }

    static boolean endsLikeSentence(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "\"'»”’“›)]".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return !t.isEmpty() && ".!?…؟:;。！？".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** Positive for article prose, negative for chrome; magnitude grows with length. */
    static double score(Block b) {
        List<String> w = words(b.text());
        int n = w.size();
        if (n == 0) {
            return -1;
        }
        if (b.text().startsWith("<") && b.text().contains("=") && b.text().contains(">")) {
            return -(5 + n); // markup that leaked into text (a <noscript> pixel)
        }
        double bp = boilerplateShare(w);
        if (b.chromeMarkup() || b.linkDensity() > 0.5 || bp >= 0.3) {
            return -(5 + n);
        }
        boolean sentence = endsLikeSentence(b.text());
        double stop = stopShare(w);
        boolean prose = n >= 5 && (sentence || n >= 15) && (stop >= 0.05 || n >= 12);
        if (prose) {
            return n * (1 - 2 * bp) * (1 - b.linkDensity());
        }
        if (b.heading()) {
            return 0.5;
        }
        return -2;
    }

    /** The title is a short first block that is not chrome. */
    static boolean titleLike(String text) {
        List<String> w = words(text);
        return !w.isEmpty() && w.size() <= 30 && boilerplateShare(w) < 0.3;
    }

    /** Indices [from, to) of the highest-scoring contiguous run of blocks (Kadane). */
    static int[] bestRun(double[] scores) {
        int bestFrom = 0;
        int bestTo = 0;
        double best = 0;
        double run = 0;
        int runFrom = 0;
        for (int i = 0; i < scores.length; i++) {
            if (run <= 0) {
                run = 0;
                runFrom = i;
            }
            run += scores[i];
            if (run > best) {
                best = run;
                bestFrom = runFrom;
                bestTo = i + 1;
            }
        }
        return new int[] {bestFrom, bestTo};
    }
}
