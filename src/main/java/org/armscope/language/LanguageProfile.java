package org.armscope.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the program knows of one language, read from {@code lang/<code>/profile.properties}:
 * its dictionary, affixes to strip for look-up keys, and how grammatical case shows
 * (dictionary tags, suffixes after an apostrophe, proclitics), which tags mark a future verb
 * ({@code tense.future}) and a past one ({@code tense.past}). Adding a language is adding
 * a folder, not code. {@code ner.model} names the statistical recogniser the language uses (a
 * language without training data of its own can use a kin's: Ukrainian uses the Cyrillic model
 * trained on Russian) and {@code ner.tags} maps dictionary tag components onto the recogniser's
 * morphological classes.
 */
public record LanguageProfile(String code, String name, String morphology, List<String> prefixes,
                              List<String> prefixes2, List<String> articles, List<String> suffixes,
                              int minStem, boolean splitApostrophe, Map<String, Pattern> caseTags,
                              Map<String, List<String>> markerSuffixes, Map<String, List<String>> markerPrefixes,
                              List<String> adjectiveSuffixes, Pattern futureTag, Pattern pastTag,
                              String subjectPosition, String nerModel, Map<String, String> nerTags) {

    /** SOV: the subject is the first unmarked actor before the verb. */
    public boolean subjectFirst() {
        return subjectPosition.contains("first");
    }

    /** VSO: with no unmarked actor before the verb, the subject is the first one after it. */
    public boolean subjectAfter() {
        return subjectPosition.contains("after");
    }

    public static LanguageProfile load(String code) {
        Properties p = new Properties();
        String path = "/org/armscope/lang/" + code + "/profile.properties";
        try (InputStream in = LanguageProfile.class.getResourceAsStream(path)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Pattern> cases = new LinkedHashMap<>();
        Map<String, List<String>> suffixMarkers = new LinkedHashMap<>();
        Map<String, List<String>> prefixMarkers = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("case.")) {
                cases.put(key.substring(5), Pattern.compile(p.getProperty(key)));
            } else if (key.startsWith("marker.suffix.")) {
                suffixMarkers.put(key.substring(14), list(p, key));
            } else if (key.startsWith("marker.prefix.")) {
                prefixMarkers.put(key.substring(14), list(p, key));
            }
        }
        return new LanguageProfile(code, p.getProperty("name", code), p.getProperty("morphology"),
                list(p, "strip.prefix"), list(p, "strip.prefix2"), list(p, "strip.article"), list(p, "strip.suffix"),
                Integer.parseInt(p.getProperty("min.stem", "3")), Boolean.parseBoolean(p.getProperty("split.apostrophe")),
                cases, suffixMarkers, prefixMarkers, list(p, "adjective.suffix"),
                pattern(p, "tense.future"), pattern(p, "tense.past"), p.getProperty("subject.position", "last"),
                p.getProperty("ner.model"), pairs(list(p, "ner.tags")));
    }

    /** "Name=FNAME Fam=LNAME" as a map from a tag component to a class. */
    private static Map<String, String> pairs(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                out.put(item.substring(0, eq), item.substring(eq + 1));
            }
        }
        return out;
    }

    private static Pattern pattern(Properties p, String key) {
        return p.getProperty(key) == null ? null : Pattern.compile(p.getProperty(key));
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(v.split("\\s+")));
    }
}
