package org.armscope.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Candidate stems of a word by the profile's affix lists: Arabic proclitics (و ف, then ب ل ك س,
 * then the article ال) and suffixes; Turkish, Kazakh, Russian and English endings on words no
 * dictionary knows. Every candidate is only a look-up key: a stem that names nothing is harmless.
 */
final class AffixStripper {
    private AffixStripper() {
    }

    static List<String> stems(String word, LanguageProfile p) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(word);
        for (String pre : p.prefixes()) {
            if (word.startsWith(pre) && word.length() - pre.length() >= p.minStem()) {
                bases.add(word.substring(pre.length()));
            }
        }
        for (String b : new ArrayList<>(bases)) {
            for (String pre : p.prefixes2()) {
                if (b.startsWith(pre) && b.length() - pre.length() >= p.minStem()) {
                    bases.add(b.substring(pre.length()));
                }
            }
        }
        for (String b : new ArrayList<>(bases)) {
            for (String art : p.articles()) {
                if (b.startsWith(art) && b.length() - art.length() >= p.minStem()) {
                    bases.add(b.substring(art.length()));
                }
            }
            // "لل" is ل + ال with the alef dropped
            if (!p.articles().isEmpty() && b.startsWith("لل") && b.length() > 3) {
                bases.add(b.substring(2));
            }
        }
        Set<String> out = new LinkedHashSet<>(bases);
        for (String b : bases) {
            for (String suf : p.suffixes()) {
                if (b.endsWith(suf) && b.length() - suf.length() >= p.minStem()) {
                    out.add(b.substring(0, b.length() - suf.length()));
                }
            }
        }
        out.remove(word);
        return new ArrayList<>(out);
    }
}
