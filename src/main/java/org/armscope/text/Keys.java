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
}
