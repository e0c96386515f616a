package org.armscope.language;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Dictionary look-up of a word form's readings (lemma and tag) in a morfologik dictionary. */
final class Morphology {
    record Reading(String lemma, String tag) {
    }

    private final Dictionary dictionary;
    private final ThreadLocal<DictionaryLookup> lookup;

    Morphology(String resource) {
        URL url = Morphology.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("morphological dictionary " + resource + " is not on the class path");
        }
        try {
            dictionary = Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    }

    List<Reading> readings(String word) {
        List<Reading> out = new ArrayList<>();
        DictionaryLookup lk = lookup.get();
        String lower = word.toLowerCase(Locale.ROOT);
        for (String form : lower.equals(word) ? new String[] {word} : new String[] {word, lower}) {
            // a capitalised word is read as written and as the common word it may be at a sentence's
            // start ("Далі" is a surname and the adverb "далі")
            for (WordData wd : lk.lookup(form)) {
                out.add(new Reading(wd.getStem().toString(), wd.getTag() == null ? "" : wd.getTag().toString()));
            }
        }
        return out;
    }
}
