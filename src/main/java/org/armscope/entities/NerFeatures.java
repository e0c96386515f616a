package org.armscope.entities;

import org.armscope.language.LanguageProfile;
import org.armscope.model.Token;
import org.armscope.text.Keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            BIGRAM = 26, BIGRAMP = 27, P1 = 28, P2 = 29, P1K = 30, P1S = 31, LEMM1 = 32, MORPH0P1 = 33, GAZ_SHAPE = 34;

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
     * token i ("B-COUNTRY", "I-ORG", "B-capPERSON" for a run of capitalised words, or null).
     */
    public static SentenceFeatures of(List<Token> toks, String[] gazetteer, LanguageProfile profile,
                                      java.util.function.Predicate<String> orgWord) {
        int n = toks.size();
        String[] key = new String[n];
        String[] shape = new String[n];
        List<List<String>> morph = new ArrayList<>(n);
        boolean[] org = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token t = toks.get(i);
            key[i] = t.keys().isEmpty() ? t.norm() : t.keys().get(0);
            shape[i] = shape(t.text());
            morph.add(classes(t.tag(), profile.nerTags()));
            org[i] = orgWord.test(t.norm());
        }
        long[][] statics = new long[n][];
        long[] k0 = new long[n];
        long[] s0 = new long[n];
        List<Long> f = new ArrayList<>(48);
        for (int i = 0; i < n; i++) {
            f.clear();
            Token t = toks.get(i);
            String k = key[i];
            f.add(hash(BIAS, ""));
            f.add(hash(K0, k));
            f.add(hash(KM1, i > 0 ? key[i - 1] : "<s>"));
            f.add(hash(KP1, i + 1 < n ? key[i + 1] : "</s>"));
            f.add(hash(KM2, i > 1 ? key[i - 2] : "<s>"));
            f.add(hash(KP2, i + 2 < n ? key[i + 2] : "</s>"));
            String lemma = Keys.lookupKey(t.lemma());
            if (!lemma.equals(k)) {
                f.add(hash(LEM, lemma));
            }
            if (i > 0) {
                f.add(hash(LEMM1, Keys.lookupKey(toks.get(i - 1).lemma())));
            }
            if (k.length() > 2) {
                f.add(hash(SUF2, k.substring(k.length() - 2)));
                f.add(hash(SUF3, k.substring(Math.max(0, k.length() - 3))));
                f.add(hash(PRE3, k.substring(0, Math.min(3, k.length()))));
            }
            if (k.length() > 4) {
                f.add(hash(SUF4, k.substring(k.length() - 4)));
            }
            if (t.keys().size() > 1) {
                String stem = t.keys().get(t.keys().size() - 1);
                if (!stem.equals(k) && !stem.equals(lemma)) {
                    f.add(hash(STEM, stem));
                }
            }
            f.add(hash(SHAPE0, shape[i]));
            f.add(hash(SHAPEM1, i > 0 ? shape[i - 1] : "<s>"));
            f.add(hash(SHAPEP1, i + 1 < n ? shape[i + 1] : "</s>"));
            if (i == 0) {
                f.add(hash(SHAPE_FIRST, shape[i]));
            }
            for (String c : morph.get(i)) {
                f.add(hash(MORPH0, c));
                f.add(hash(MORPH0P1, c + "|" + (i + 1 < n ? String.join(",", morph.get(i + 1)) : "</s>")));
            }
            for (String c : i > 0 ? morph.get(i - 1) : List.of("<s>")) {
                f.add(hash(MORPHM1, c));
            }
            for (String c : i + 1 < n ? morph.get(i + 1) : List.of("</s>")) {
                f.add(hash(MORPHP1, c));
            }
            String g = gazetteer[i] == null ? "-" : gazetteer[i];
            f.add(hash(GAZ0, g));
            f.add(hash(GAZ_SHAPE, g + "|" + shape[i]));
            f.add(hash(GAZM1, i > 0 && gazetteer[i - 1] != null ? gazetteer[i - 1] : "-"));
            f.add(hash(GAZP1, i + 1 < n && gazetteer[i + 1] != null ? gazetteer[i + 1] : "-"));
            if (org[i]) {
                f.add(hash(ORGW0, ""));
            }
            if (i > 0 && org[i - 1]) {
                f.add(hash(ORGWM1, ""));
            }
            if (i + 1 < n && org[i + 1]) {
                f.add(hash(ORGWP1, ""));
            }
            f.add(hash(BIGRAM, (i > 0 ? key[i - 1] : "<s>") + " " + k));
            f.add(hash(BIGRAMP, k + " " + (i + 1 < n ? key[i + 1] : "</s>")));
            long[] arr = new long[f.size()];
            for (int j = 0; j < arr.length; j++) {
                arr[j] = f.get(j);
            }
            statics[i] = arr;
            k0[i] = hash(K0, k);
            s0[i] = hash(SHAPE0, shape[i]);
        }
        return new SentenceFeatures(statics, k0, s0);
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
        long h = 0xcbf29ce484222325L ^ template;
        h *= 0x100000001b3L;
        for (int i = 0; i < value.length(); i++) {
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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
