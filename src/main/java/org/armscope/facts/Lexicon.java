package org.armscope.facts;

import org.armscope.model.FactType;
import org.armscope.model.Token;
import org.armscope.text.Keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The cue lexicon of one language ({@code facts/<lang>.tsv}): triggers, modality, attribution and role-marking words. */
final class Lexicon {
    enum Kind { TRIGGER, MOD, NEG, SRC, BETWEEN, FROM, TO, WITH, IN, TOPIC, ANAPHORA, DEM, GOV, LICENCE, PRON, REPLACED }

    /** One cue. {@code words} are look-up keys; a key ending in '*' is a prefix. */
    record Cue(List<String> words, Kind kind, FactType type, String arg, String modality, String pattern) {
        /** Length of the match at token i, or 0. */
        int matchAt(List<Token> toks, int i) {
            if (i + words.size() > toks.size()) {
                return 0;
            }
            for (int j = 0; j < words.size(); j++) {
                if (!matches(words.get(j), toks.get(i + j))) {
                    return 0;
                }
            }
            return words.size();
        }

        private static boolean matches(String w, Token t) {
            boolean prefix = w.endsWith("*");
            boolean infix = prefix && w.startsWith("*") && w.length() > 2;
            String stem = infix ? w.substring(1, w.length() - 1) : prefix ? w.substring(0, w.length() - 1) : w;
            for (String k : t.keys()) {
                if (infix ? k.contains(stem) && !k.startsWith(stem) : prefix ? k.startsWith(stem) : k.equals(stem)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Map<String, Lexicon> CACHE = new ConcurrentHashMap<>();
    final List<Cue> cues = new ArrayList<>();

    static Lexicon of(String lang) {
        return CACHE.computeIfAbsent(lang, Lexicon::load);
    }

    private static Lexicon load(String lang) {
        Lexicon lex = new Lexicon();
        try (InputStream in = Lexicon.class.getResourceAsStream("/org/armscope/facts/" + lang + ".tsv")) {
            if (in == null) {
                return lex;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                List<String> words = new ArrayList<>();
                for (String w : c[0].strip().split("\\s+")) {
                    boolean prefix = w.endsWith("*");
                    boolean infix = prefix && w.startsWith("*");
                    String key = Keys.lookupKey(infix ? w.substring(1, w.length() - 1) : prefix ? w.substring(0, w.length() - 1) : w);
                    words.add(infix ? "*" + key + "*" : prefix ? key + "*" : key);
                }
                String kind = c[1].strip();
                String arg = c.length > 2 ? c[2].strip() : "";
                String[] argParts = arg.split("\\s+");
                if (kind.equals(kind.toUpperCase(Locale.ROOT)) && isFactType(kind)) {
                    lex.cues.add(new Cue(words, Kind.TRIGGER, FactType.valueOf(kind), argParts[0],
                            argParts.length > 1 ? argParts[1] : null, c[0]));
                } else {
                    lex.cues.add(new Cue(words, Kind.valueOf(kind), null, arg, null, c[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lex;
    }

    private static boolean isFactType(String s) {
        for (FactType t : FactType.values()) {
            if (t.name().equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** All cue matches in a token list, as (token index, cue). */
    record Hit(int index, int length, Cue cue) {
    }

    List<Hit> scan(List<Token> toks) {
        List<Hit> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            for (Cue c : cues) {
                int n = c.matchAt(toks, i);
                if (n > 0) {
                    out.add(new Hit(i, n, c));
                }
            }
        }
        // a trigger inside a longer fixed phrase is part of that phrase: "с помощью России" marks
        // Russia as the one who helps, it is no aid
        List<Hit> phrases = out.stream().filter(h -> h.cue().kind() != Kind.TRIGGER && h.length() > 1).toList();
        if (!phrases.isEmpty()) {
            out.removeIf(h -> h.cue().kind() == Kind.TRIGGER && phrases.stream().anyMatch(p ->
                    p.index() <= h.index() && h.index() + h.length() <= p.index() + p.length()));
        }
        return out;
    }
}
