package org.armscope.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Comparison keys for names across scripts. {@link #specKey} is exactly the rule of the
 * fact spec (NFKC, case folding, the spec's Cyrillic-to-Latin table, no spaces, hyphens or
 * punctuation); {@link #lookupKey} folds further (Latin diacritics, Arabic letter variants)
 * for dictionary look-ups where a little more recall is wanted.
 */
public final class Keys {
    private static final String[] CYR = new String[0x530];

    static {
        String[][] table = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"},
            {"ж", "zh"}, {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"},
            {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"},
            {"ф", "f"}, {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"},
            {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"}, {"я", "ya"},
            {"і", "i"}, {"ї", "yi"}, {"є", "ye"}, {"ґ", "g"}, {"ў", "u"},
            {"қ", "k"}, {"ғ", "g"}, {"ң", "n"}, {"ө", "o"}, {"ұ", "u"}, {"ү", "u"}, {"һ", "h"}, {"ә", "a"},
        };
        for (String[] pair : table) {
            CYR[pair[0].charAt(0)] = pair[1];
        }
    }

    private Keys() {
    }

    /** The spec's name key: {@code С-300} and {@code S-300} give "s300". */
    public static String specKey(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < CYR.length && CYR[cp] != null) {
                out.append(CYR[cp]);
            } else if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK && out.length() > 0
                    && isArabic(out.codePointBefore(out.length()))) {
                // Arabic short vowels are dropped: they are optional in writing.
                continue;
            }
        }
        return out.toString();
    }

    /** A looser key for look-ups: the spec key with Latin diacritics and Arabic letter variants folded. */
    public static String lookupKey(String s) {
        String k = specKey(arabicNormalize(s));
        String d = Normalizer.normalize(k, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'ı' ? 'i' : c);
        }
        return out.toString();
    }

    /** Arabic orthographic normalisation: alef variants, ta marbuta, alef maqsura, tatweel, harakat. */
    public static String arabicNormalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ة' -> out.append('ه');
                case 'ى' -> out.append('ي');
                case 'ـ' -> { }
                default -> {
                    if (c >= '\u064B' && c <= '\u0652') {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    public static boolean isArabic(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC;
    }

    /** True when the text's letters are mostly Arabic script (for right-to-left layout). */
    public static boolean isRightToLeft(String text) {
        int rtl = 0;
        int ltr = 0;
        for (int i = 0; i < text.length() && rtl + ltr < 2000; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            byte dir = Character.getDirectionality(c);
            if (dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                rtl++;
            } else {
                ltr++;
            }
        }
        return rtl > ltr;
    }

    /** Arabic letters in the Latin the name key folds: long vowels and glides become vowels, which it drops. */
    private static final String[][] ARABIC = {
        {"ا", "a"}, {"أ", "a"}, {"إ", "i"}, {"آ", "a"}, {"ٱ", "a"}, {"ء", ""}, {"ئ", "i"}, {"ؤ", "u"}, {"ى", "a"},
        {"ة", "a"}, {"ب", "b"}, {"ت", "t"}, {"ث", "s"}, {"ج", "g"}, {"ح", "h"}, {"خ", "kh"}, {"د", "d"}, {"ذ", "z"},
        {"ر", "r"}, {"ز", "z"}, {"س", "s"}, {"ش", "sh"}, {"ص", "s"}, {"ض", "d"}, {"ط", "t"}, {"ظ", "z"}, {"ع", ""},
        {"غ", "g"}, {"ف", "f"}, {"ق", "k"}, {"ك", "k"}, {"ل", "l"}, {"م", "m"}, {"ن", "n"}, {"ه", "h"}, {"و", "u"},
        {"ي", "i"}, {"پ", "p"}, {"چ", "ch"}, {"ژ", "zh"}, {"گ", "g"}, {"ڤ", "v"}, {"ک", "k"}, {"ی", "i"},
    };
    private static final java.util.Map<Character, String> ARABIC_LATIN = new java.util.HashMap<>();

    static {
        for (String[] pair : ARABIC) {
            ARABIC_LATIN.put(pair[0].charAt(0), pair[1]);
        }
    }

    /**
     * A name's key across scripts: its consonant skeleton after transliteration, with the sounds
     * that scripts write differently folded together (ж, j and ج; х, kh and h dropped with the
     * vowels; v and f; p and b, as Arabic writes both ب; ц, ts and tz). Сергей Згурец, Sergiy Zgurets and سيرجي زغوريتس all give
     * "srg zgrc"; Владимир Путин and فلاديمير بوتين "fldmr btn". Lossy by design: a key for meeting, not a spelling.
     */
    public static String nameKey(String name) {
        StringBuilder latin = new StringBuilder(name.length() + 8);
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            String arabic = ARABIC_LATIN.get(c);
            if (c < CYR.length && CYR[c] != null) {
                latin.append(CYR[c].isEmpty() && c == 'ь' ? "" : CYR[c]);
            } else if (arabic != null) {
                latin.append(arabic);
            } else if (Character.isLetter(c)) {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int k = 0; k < d.length(); k++) {
                    if (d.charAt(k) < 0x80 && Character.isLetter(d.charAt(k))) {
                        latin.append(d.charAt(k));
                    }
                }
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                latin.append(' ');
            }
        }
        String s = latin.toString()
                .replace("shch", "S").replace("sch", "S").replace("sh", "S")
                .replace("tch", "C").replace("ch", "C").replace("ts", "C").replace("tz", "C").replace("cz", "C")
                .replace("dzh", "G").replace("zh", "G").replace("dj", "G").replace("j", "G")
                .replace("kh", "").replace("gh", "g").replace("ph", "f").replace("th", "t").replace("ck", "k")
                .replace("c", "k").replace("q", "k").replace("x", "ks").replace("w", "f").replace("v", "f").replace("p", "b")
                .replace("G", "g").replace("S", "s").replace("C", "c");
        StringBuilder out = new StringBuilder(s.length());
        for (String word : s.trim().split("\\s+")) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if ("aeiouyh'".indexOf(c) >= 0 || (w.length() > 0 && w.charAt(w.length() - 1) == c)) {
                    continue;
                }
                w.append(c);
            }
            if (w.length() > 0) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(w);
            }
        }
        return out.toString();
    }
}
