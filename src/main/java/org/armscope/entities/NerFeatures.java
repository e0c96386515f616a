package org.armscope.entities;

import org.armscope.language.LanguageProfile;
import org.armscope.model.Token;
import org.armscope.text.Keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The features of the statistical recogniser, each a 64-bit hash of a template and a value.
 * Words are seen through their cross-script look-up key (the spec's transliteration, so Russian
 * and Ukrainian words of one root share features: "компания" and "компанія" both give
 * "kompaniya"), their dictionary lemma, affixes, shape, the morphological classes the language's
 * profile maps its dictionary tags onto ({@code ner.tags}: first name, surname, place, noun, …),
 * the knowledge-base gazetteer's verdict, organisation words, and the same for the neighbours.
 * The previous two labels are the dynamic features.
 */
public final class NerFeatures {
    /** Number of dynamic (label-history) features per token. */
    public static final int DYNAMIC = 4;

    private static final int BIAS = 1, K0 = 2, KM1 = 3, KP1 = 4, KM2 = 5, KP2 = 6, LEM = 7, SUF2 = 8, SUF3 = 9,
            SUF4 = 10, PRE3 = 11, STEM = 12, SHAPE0 = 13, SHAPEM1 = 14, SHAPEP1 = 15, SHAPE_FIRST = 16, MORPH0 = 17,
            MORPHM1 = 18, MORPHP1 = 19, GAZ0 = 20, GAZM1 = 21, GAZP1 = 22, ORGW0 = 23, ORGWM1 = 24, ORGWP1 = 25,
            BIGRAM = 26, BIGRAMP = 27, P1 = 28, P2 = 29, P1K = 30, P1S = 31, LEMM1 = 32, MORPH0P1 = 33, GAZ_SHAPE = 34, KM1_SHAPE0 = 35, KP1_SHAPE0 = 36, LEMM1_SHAPE0 = 37;

    private NerFeatures() {
    }

    /** The features of one sentence, computed once; the dynamic ones are filled per step. */
    public static final class SentenceFeatures {
        private final long[][] statics;
        private final long[] k0;
        private final long[] shape0;

        SentenceFeatures(long[][] statics, long[] k0, long[] shape0) {
            this.statics = statics;
            this.k0 = k0;
            this.shape0 = shape0;
        }

        public int size() {
            return statics.length;
        }

        public long[] statics(int i) {
            return statics[i];
        }

        /** The features of tokens [from, to) as a sequence of their own, each keeping its context in the sentence. */
        public SentenceFeatures slice(int from, int to) {
            return new SentenceFeatures(java.util.Arrays.copyOfRange(statics, from, to),
                    java.util.Arrays.copyOfRange(k0, from, to), java.util.Arrays.copyOfRange(shape0, from, to));
        }

        /** Fills {@code out} with the label-history features of token {@code i}. */
        public void dynamic(int i, int prev, int prev2, long[] out) {
            out[0] = hash(P1, prev);
            out[1] = hash(P2, prev2 * 64L + prev);
            out[2] = combine(hash(P1K, prev), k0[i]);
            out[3] = combine(hash(P1S, prev), shape0[i]);
        }
    }

    /**
     * The features of a sentence's tokens. {@code gazetteer[i]} is the knowledge-base verdict on
     * token i ("B-COUNTRY", "I-ORG", "B-capPERSON" for a run of capitalised words, or null);
     * {@code orgWord} tells organisation words ({@link GazetteerLinker#isOrgWord(Token)}).
     */
    public static SentenceFeatures of(List<Token> toks, String[] gazetteer, LanguageProfile profile,
                                      java.util.function.Predicate<Token> orgWord) {
        int n = toks.size();
        String[] key = new String[n];
        long[] keyHash = new long[n];
        long[] lemmaHash = new long[n];
        boolean[] lemmaDiffers = new boolean[n];
        String[] shape = new String[n];
        long[] shapeHash = new long[n];
        List<List<String>> morph = new ArrayList<>(n);
        long[] morphSet = new long[n];
        boolean[] org = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            key[i] = t.keys().isEmpty() ? t.norm() : t.keys().get(0);
            keyHash[i] = hash(0, key[i]);
            // the lemma's key is among the token's keys whenever the dictionary knew the word
            String lemma = t.lemma().equals(t.norm()) ? key[i]
                    : t.keys().size() > 1 ? t.keys().get(1) : Keys.lookupKey(t.lemma());
            lemmaHash[i] = hash(0, lemma);
            lemmaDiffers[i] = !lemma.equals(key[i]);
            shape[i] = shape(t.text());
            shapeHash[i] = hash(0, shape[i]);
            List<String> cl = cachedClasses(t.tag(), profile.nerTags());
            morph.add(cl);
            long set = 17;
            for (String c : cl) {
                set = set * 31 + c.hashCode();
            }
            morphSet[i] = set;
            org[i] = orgWord.test(t);
        }
        long start = hash(0, "<s>");
        long stop = hash(0, "</s>");
        long none = hash(0, "-");
        long[][] statics = new long[n][];
        long[] k0 = new long[n];
        long[] s0 = new long[n];
        long[] f = new long[64];
        for (int i = 0; i < n; i++) {
            int c = 0;
            String k = key[i];
            f[c++] = at(BIAS, 0);
            f[c++] = at(K0, keyHash[i]);
            f[c++] = at(KM1, i > 0 ? keyHash[i - 1] : start);
            f[c++] = at(KP1, i + 1 < n ? keyHash[i + 1] : stop);
            f[c++] = at(KM2, i > 1 ? keyHash[i - 2] : start);
            f[c++] = at(KP2, i + 2 < n ? keyHash[i + 2] : stop);
            if (lemmaDiffers[i]) {
                f[c++] = at(LEM, lemmaHash[i]);
            }
            if (i > 0) {
                f[c++] = at(LEMM1, lemmaHash[i - 1]);
            }
            int len = k.length();
            if (len > 2) {
                f[c++] = hash(SUF2, k, len - 2, len);
                f[c++] = hash(SUF3, k, len - 3, len);
                f[c++] = hash(PRE3, k, 0, 3);
            }
            if (len > 4) {
                f[c++] = hash(SUF4, k, len - 4, len);
            }
            Token t = toks.get(i);
            if (t.keys().size() > 1) {
                String stem = t.keys().get(t.keys().size() - 1);
                if (!stem.equals(k) && stem.hashCode() != 0 && hash(0, stem) != lemmaHash[i]) {
                    f[c++] = hash(STEM, stem);
                }
            }
            f[c++] = at(SHAPE0, shapeHash[i]);
            f[c++] = at(SHAPEM1, i > 0 ? shapeHash[i - 1] : start);
            f[c++] = at(SHAPEP1, i + 1 < n ? shapeHash[i + 1] : stop);
            if (i == 0) {
                f[c++] = at(SHAPE_FIRST, shapeHash[i]);
            }
            List<String> mine = morph.get(i);
            for (int m = 0; m < mine.size() && c < f.length - 24; m++) {
                long h = hash(0, mine.get(m));
                f[c++] = at(MORPH0, h);
                f[c++] = combine(at(MORPH0P1, h), i + 1 < n ? morphSet[i + 1] : stop);
            }
            for (String cl : i > 0 ? morph.get(i - 1) : List.of("<s>")) {
                if (c < f.length - 20) {
                    f[c++] = hash(MORPHM1, cl);
                }
            }
            for (String cl : i + 1 < n ? morph.get(i + 1) : List.of("</s>")) {
                if (c < f.length - 16) {
                    f[c++] = hash(MORPHP1, cl);
                }
            }
            long g = gazetteer[i] == null ? none : hash(0, gazetteer[i]);
            f[c++] = at(GAZ0, g);
            f[c++] = combine(at(GAZ_SHAPE, g), shapeHash[i]);
            f[c++] = at(GAZM1, i > 0 && gazetteer[i - 1] != null ? hash(0, gazetteer[i - 1]) : none);
            f[c++] = at(GAZP1, i + 1 < n && gazetteer[i + 1] != null ? hash(0, gazetteer[i + 1]) : none);
            if (org[i]) {
                f[c++] = at(ORGW0, 0);
            }
            if (i > 0 && org[i - 1]) {
                f[c++] = at(ORGWM1, 0);
            }
            if (i + 1 < n && org[i + 1]) {
                f[c++] = at(ORGWP1, 0);
            }
            // a context word with this word's shape: "президент" before a capitalised word
            f[c++] = combine(at(KM1_SHAPE0, i > 0 ? keyHash[i - 1] : start), shapeHash[i]);
            f[c++] = combine(at(KP1_SHAPE0, i + 1 < n ? keyHash[i + 1] : stop), shapeHash[i]);
            if (i > 0) {
                f[c++] = combine(at(LEMM1_SHAPE0, lemmaHash[i - 1]), shapeHash[i]);
            }
            f[c++] = combine(at(BIGRAM, i > 0 ? keyHash[i - 1] : start), keyHash[i]);
            f[c++] = combine(at(BIGRAMP, keyHash[i]), i + 1 < n ? keyHash[i + 1] : stop);
            statics[i] = java.util.Arrays.copyOf(f, c);
            k0[i] = at(K0, keyHash[i]);
            s0[i] = at(SHAPE0, shapeHash[i]);
        }
        return new SentenceFeatures(statics, k0, s0);
    }

    /** The feature of a template and an already hashed value. */
    private static long at(int template, long valueHash) {
        return combine(0x9e3779b97f4a7c15L * template, valueHash);
    }

    /** The word's shape: X upper, x lower, d digit, a uncased letter; runs collapsed, at most 6 marks. */
    static String shape(String s) {
        StringBuilder b = new StringBuilder(6);
        char last = 0;
        for (int i = 0; i < s.length() && b.length() < 6; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            char c;
            if (Character.isUpperCase(cp)) {
                c = 'X';
            } else if (Character.isLowerCase(cp)) {
                c = 'x';
            } else if (Character.isDigit(cp)) {
                c = 'd';
            } else if (Character.isLetter(cp)) {
                c = 'a';
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                c = (char) Math.min(cp, 0x7f);
            }
            if (c != last) {
                b.append(c);
                last = c;
            }
        }
        return b.toString();
    }

    private static final Map<Map<String, String>, Map<String, List<String>>> CLASS_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #classes}, remembered per tag string (a language has some thousands of distinct tag sets). */
    private static List<String> cachedClasses(String tag, Map<String, String> mapping) {
        Map<String, List<String>> cache = CLASS_CACHE.computeIfAbsent(mapping, m -> new java.util.concurrent.ConcurrentHashMap<>());
        if (cache.size() > 100_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(tag == null ? "" : tag, x -> classes(x, mapping));
    }

    /** The morphological classes of a token's dictionary tags under the profile's mapping; "?" for a word the dictionary lacks. */
    static List<String> classes(String tag, Map<String, String> mapping) {
        if (mapping.isEmpty()) {
            return List.of();
        }
        if (tag == null || tag.isEmpty()) {
            return List.of("?");
        }
        List<String> out = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= tag.length(); i++) {
            if (i == tag.length() || tag.charAt(i) == ':' || tag.charAt(i) == '|') {
                if (i > start) {
                    String c = mapping.get(tag.substring(start, i));
                    if (c != null && !out.contains(c)) {
                        out.add(c);
                    }
                }
                start = i + 1;
            }
        }
        if (out.isEmpty()) {
            out.add("other");
        }
        return out;
    }

    static long hash(int template, String value) {
        return hash(template, value, 0, value.length());
    }

    static long hash(int template, String value, int from, int to) {
        long h = 0xcbf29ce484222325L ^ template;
        h *= 0x100000001b3L;
        for (int i = Math.max(0, from); i < to; i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    static long hash(int template, long value) {
        long h = 0xcbf29ce484222325L ^ template;
        h = (h ^ value) * 0x100000001b3L;
        h = (h ^ (value >>> 29)) * 0x100000001b3L;
        return h == 0 ? 1 : h;
    }

    static long combine(long a, long b) {
        long h = a * 31 + b;
        h ^= h >>> 31;
        h *= 0x9e3779b97f4a7c15L;
        return h == 0 ? 1 : h;
    }
}
