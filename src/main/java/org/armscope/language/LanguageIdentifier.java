package org.armscope.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * Language identification with Lingua, restricted to the languages Armscope reads (loading
 * all 75 costs 1.4 GB). Low-accuracy mode suffices for whole articles and loads in under a second.
 */
public final class LanguageIdentifier {
    private static final Language[] SUPPORTED = {Language.RUSSIAN, Language.UKRAINIAN, Language.ARABIC,
        Language.TURKISH, Language.ENGLISH, Language.KAZAKH, Language.PERSIAN, Language.GERMAN, Language.FRENCH,
        Language.SPANISH, Language.POLISH};

    private final LanguageDetector detector =
            LanguageDetectorBuilder.fromLanguages(SUPPORTED).withLowAccuracyMode().build();

    /** ISO 639-1 code of the text's language, or "und" when it cannot tell. */
    public String identify(String text) {
        String sample = text.length() > 4000 ? text.substring(0, 4000) : text;
        Language lang = detector.detectLanguageOf(sample);
        if (lang == Language.UNKNOWN) {
            return "und";
        }
        return lang.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
