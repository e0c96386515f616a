package org.armscope.entities;

import org.armscope.language.LanguageProfile;
import org.armscope.language.TextAnalyzer;
import org.armscope.model.AnalyzedText;
import org.armscope.model.Entity;
import org.armscope.model.EntityKind;
import org.armscope.model.Mention;
import org.armscope.model.Sentence;
import org.armscope.model.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entity stage with a trained recogniser: the knowledge-base gazetteer runs first and its
 * verdicts become features of the language's sequence tagger ({@link PerceptronTagger}); the
 * tagger decides where names are and of which type, the gazetteer decides which entry each name
 * is. A name the tagger finds and the knowledge base lacks becomes a new entry keyed by its
 * dictionary form, so its inflected variants share it. Weapon designations and equipment
 * classes stay with the gazetteer. A language with no model keeps the gazetteer alone, as every
 * language does with {@code -Darmscope.ner=off} (for comparisons).
 */
public final class StatisticalLinker implements EntityLinker {
    /** Where trained models live on the class path: {@code <name>.ner.gz}. */
    public static final String MODELS = "/org/armscope/entities/models/";

    private final GazetteerLinker gazetteer;
    private final TextAnalyzer analyzer;
    private final Map<String, Optional<PerceptronTagger>> models = new ConcurrentHashMap<>();
    private final Map<String, Optional<PerceptronTagger>> innerModels = new ConcurrentHashMap<>();

    private static final String INNER = "-inner";

    /** The inner-layer model that goes with a model file: {@code X.ner.gz} has {@code X-inner.ner.gz}. */
    public static java.nio.file.Path innerModel(java.nio.file.Path model) {
        return model.resolveSibling(model.getFileName().toString().replaceFirst("\\.ner\\.gz$", "") + INNER + ".ner.gz");
    }

    public StatisticalLinker(GazetteerLinker gazetteer, TextAnalyzer analyzer) {
        this.gazetteer = gazetteer;
        this.analyzer = analyzer;
    }

    /** Uses {@code tagger} for every language whose profile names {@code model}: for training and evaluation runs. */
    public StatisticalLinker with(String model, PerceptronTagger tagger) {
        models.put(model, Optional.ofNullable(tagger));
        return this;
    }

    /** Uses {@code tagger} as the inner layer of {@code model} (null: none). */
    public StatisticalLinker withInner(String model, PerceptronTagger tagger) {
        innerModels.put(model, Optional.ofNullable(tagger));
        return this;
    }

    private Optional<PerceptronTagger> innerTagger(String lang) {
        String name = modelName(lang);
        return name == null ? Optional.empty() : innerModels.computeIfAbsent(name, n -> loadModel(n + INNER));
    }

    /** The model a language's profile names, or null when it has none or the models are switched off. */
    private String modelName(String lang) {
        return "off".equals(System.getProperty("armscope.ner")) ? null : analyzer.profile(lang).nerModel();
    }

    public GazetteerLinker gazetteer() {
        return gazetteer;
    }

    /** The tagger of a language, or empty when it has none. */
    public Optional<PerceptronTagger> tagger(String lang) {
        String name = modelName(lang);
        return name == null ? Optional.empty() : models.computeIfAbsent(name, StatisticalLinker::loadModel);
    }

    private static Optional<PerceptronTagger> loadModel(String name) {
        try (InputStream in = StatisticalLinker.class.getResourceAsStream(MODELS + name + ".ner.gz")) {
            return in == null ? Optional.empty() : Optional.of(PerceptronTagger.load(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recogniser model " + name, e);
        }
    }

    /**
     * A recognised name: its mention (linked), the recogniser's type for it (PER, ORG, LOC, COUNTRY,
     * CITY; null where only the gazetteer spoke) and whether it is only a layer of the recognition,
     * which the fact stage does not read: the outer name over knowledge-base names ("Банк России"
     * over "России"), or a name of no actor ("Party of Regions", a treaty: the "-" words of
     * {@code kb/org-words.txt}). {@link #link} gives the other, non-overlapping mentions.
     */
    public record Recognised(Mention mention, String type, boolean layer) {
    }

    @Override
    public List<Mention> link(AnalyzedText text) {
        List<Mention> out = new ArrayList<>();
        for (Recognised r : recognise(text)) {
            if (!r.layer()) {
                out.add(r.mention());
            }
        }
        return out;
    }

    /** Every name a linker recognises, layers included: another linker's mentions are all read by the facts. */
    public static List<Recognised> recognise(EntityLinker linker, AnalyzedText text) {
        return linker instanceof StatisticalLinker sl ? sl.recognise(text)
                : linker.link(text).stream().map(m -> new Recognised(m, null, false)).toList();
    }

    public List<Recognised> recognise(AnalyzedText text) {
        List<Mention> gaz = gazetteer.link(text);
        Optional<PerceptronTagger> tagger = tagger(text.lang());
        if (tagger.isEmpty()) {
            return gaz.stream().map(m -> new Recognised(m, null, false)).toList();
        }
        LanguageProfile profile = analyzer.profile(text.lang());
        Optional<PerceptronTagger> inner = innerTagger(text.lang());
        List<List<Mention>> bySentence = new ArrayList<>();
        for (int i = 0; i < text.sentences().size(); i++) {
            bySentence.add(new ArrayList<>());
        }
        for (Mention m : gaz) {
            bySentence.get(m.sentence()).add(m);
        }
        List<Recognised> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            List<Mention> g = bySentence.get(s.index());
            if (s.tokens().isEmpty()) {
                continue;
            }
            NerFeatures.SentenceFeatures f = NerFeatures.of(s.tokens(), gazetteerLabels(s, g), profile, GazetteerLinker::isOrgWord);
            PerceptronTagger t = tagger.get();
            List<PerceptronTagger.Span> spans = t.spans(t.tag(f));
            List<Recognised> found = merge(text, s, g, spans);
            out.addAll(found);
            if (inner.isPresent()) {
                out.addAll(inside(text, s, f, spans, found, inner.get()));
            }
        }
        return out;
    }

    /**
     * The inner layer: names inside each name of two words or more ("Министерства обороны России"
     * inside "пресс-служба Министерства обороны России"), found by the inner model on the name's
     * words with their sentence context. Layers all: the fact stage reads the outer names.
     */
    private List<Recognised> inside(AnalyzedText text, Sentence s, NerFeatures.SentenceFeatures f,
                                    List<PerceptronTagger.Span> spans, List<Recognised> found, PerceptronTagger inner) {
        List<Recognised> out = new ArrayList<>();
        for (PerceptronTagger.Span outer : spans) {
            if (outer.last() == outer.first()) {
                continue;
            }
            for (PerceptronTagger.Span sp : inner.spans(inner.tag(f.slice(outer.first(), outer.last() + 1)))) {
                int first = outer.first() + sp.first();
                int last = outer.first() + sp.last();
                if (last - first >= outer.last() - outer.first()) {
                    continue;
                }
                boolean known = false;
                for (Recognised r : found) {
                    if (r.mention().firstToken() == first && r.mention().lastToken() == last && r.mention().sentence() == s.index()) {
                        known = true;
                    }
                }
                if (known) {
                    continue;
                }
                int start = s.tokens().get(first).start();
                int end = s.tokens().get(last).end();
                String surface = text.document().text().substring(start, end);
                Entity e = newEntity(sp.type(), s.tokens().subList(first, last + 1), surface);
                if (e != null) {
                    out.add(new Recognised(new Mention(start, end, surface, e, s.index(), first, last, false), sp.type(), true));
                }
            }
        }
        return out;
    }

    /** The gazetteer's verdict per token, as the tagger's features see it. */
    public static String[] gazetteerLabels(Sentence s, List<Mention> mentions) {
        String[] out = new String[s.tokens().size()];
        for (Mention m : mentions) {
            String kind = m.kind().name();
            String label = known(m.entity()) ? kind + (m.adjectival() ? "-adj" : "")
                    : (m.kind() == EntityKind.WEAPON ? "designation" : "cap" + kind);
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                out[i] = (i == m.firstToken() ? "B-" : "I-") + label;
            }
        }
        return out;
    }

    /** An entry of the knowledge base, not a name the gazetteer's heuristics proposed. */
    static boolean known(Entity e) {
        return !e.names().isEmpty();
    }

    private List<Recognised> merge(AnalyzedText text, Sentence s, List<Mention> gaz, List<PerceptronTagger.Span> spans) {
        List<Recognised> out = new ArrayList<>();
        boolean[] taken = new boolean[s.tokens().size()];
        // designations and equipment classes: the knowledge base's word, except a system named by a
        // plain word inside a longer name or a person's name ("Энди Флетчер" is no Fletcher-class ship)
        for (Mention m : gaz) {
            if ((m.kind() == EntityKind.WEAPON || m.kind() == EntityKind.CATEGORY) && !overruled(m, spans, gaz)) {
                out.add(new Recognised(m, null, false));
                mark(taken, m.firstToken(), m.lastToken());
            }
        }
        for (PerceptronTagger.Span sp : spans) {
            if (any(taken, sp.first(), sp.last()) || crossesKnown(sp, gaz) || onlyOrgWords(s.tokens(), sp)
                    || onlyCalendarWords(s.tokens(), sp, text.lang())) {
                continue;
            }
            Mention exact = null;
            for (Mention m : gaz) {
                // the knowledge base names the entry even where the tagger types the span otherwise
                if (m.firstToken() == sp.first() && m.lastToken() == sp.last() && known(m.entity())) {
                    exact = m;
                }
            }
            if (exact != null) {
                out.add(new Recognised(exact, sp.type(), false));
            } else {
                int start = s.tokens().get(sp.first()).start();
                int end = s.tokens().get(sp.last()).end();
                Entity e = newEntity(sp.type(), s.tokens().subList(sp.first(), sp.last() + 1), text.document().text().substring(start, end));
                if (e == null) {
                    continue;
                }
                // the knowledge base's actors inside the name are names too ("России" in "Банк России",
                // "казахской" in "казахской армии"); the fact stage reads them, as it did before the
                // recogniser, and the new name is kept as the outer layer
                List<Mention> inner = new ArrayList<>();
                for (Mention m : gaz) {
                    if (known(m.entity()) && m.kind() != EntityKind.WEAPON && m.kind() != EntityKind.CATEGORY
                            && sp.first() <= m.firstToken() && m.lastToken() <= sp.last()
                            && m.lastToken() - m.firstToken() < sp.last() - sp.first()) {
                        inner.add(m);
                    }
                }
                out.add(new Recognised(new Mention(start, end, text.document().text().substring(start, end), e, s.index(),
                        sp.first(), sp.last(), false), sp.type(),
                        !inner.isEmpty() || GazetteerLinker.notAnActor(s.tokens(), sp.first(), sp.last())));
                for (Mention m : inner) {
                    out.add(new Recognised(m, null, false));
                }
            }
            mark(taken, sp.first(), sp.last());
        }
        // what the knowledge base knows and the tagger passed over stays (countries named by
        // adjectives, capitals standing for governments); the heuristics' guesses do not
        for (Mention m : gaz) {
            if (known(m.entity()) && !any(taken, m.firstToken(), m.lastToken())) {
                out.add(new Recognised(m, null, false));
                mark(taken, m.firstToken(), m.lastToken());
            }
        }
        out.sort(Comparator.comparingInt((Recognised r) -> r.mention().start()));
        return out;
    }

    /**
     * Whether a knowledge-base name overlaps the span without lying inside it: the entry's longer
     * or differently cut name wins ("وجمهورية جنوب إفريقيا" is South Africa, "لحلف الناتو" NATO).
     */
    private static boolean crossesKnown(PerceptronTagger.Span sp, List<Mention> gaz) {
        for (Mention m : gaz) {
            if (known(m.entity()) && m.firstToken() <= sp.last() && sp.first() <= m.lastToken()
                    && (m.firstToken() < sp.first() || m.lastToken() > sp.last())) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, java.util.Set<String>> CALENDAR = new ConcurrentHashMap<>();

    /** Month and weekday names and their abbreviations in a language, from CLDR ("Aug", "августа", "Pazartesi"). */
    private static java.util.Set<String> calendarWords(String lang) {
        return CALENDAR.computeIfAbsent(lang, l -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            com.ibm.icu.text.DateFormatSymbols symbols = new com.ibm.icu.text.DateFormatSymbols(new com.ibm.icu.util.ULocale(l));
            for (int context : new int[] {com.ibm.icu.text.DateFormatSymbols.FORMAT, com.ibm.icu.text.DateFormatSymbols.STANDALONE}) {
                for (int width : new int[] {com.ibm.icu.text.DateFormatSymbols.WIDE, com.ibm.icu.text.DateFormatSymbols.ABBREVIATED}) {
                    for (String[] names : List.of(symbols.getMonths(context, width), symbols.getWeekdays(context, width))) {
                        for (String n : names) {
                            if (n != null && !n.isBlank()) {
                                out.add(n.replace(".", "").toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    /** A "name" of month or weekday names alone ("Aug" in "SEOUL, Aug. 27") is a date. */
    private static boolean onlyCalendarWords(List<Token> toks, PerceptronTagger.Span sp, String lang) {
        java.util.Set<String> words = calendarWords(lang);
        for (int i = sp.first(); i <= sp.last(); i++) {
            if (!words.contains(toks.get(i).norm().replace(".", ""))) {
                return false;
            }
        }
        return true;
    }

    /** A "name" of organisation words alone ("حزب", "Ministry") is a common noun. */
    private static boolean onlyOrgWords(List<Token> toks, PerceptronTagger.Span sp) {
        for (int i = sp.first(); i <= sp.last(); i++) {
            Token t = toks.get(i);
            if (!GazetteerLinker.isOrgWord(t.norm()) && t.keys().stream().noneMatch(GazetteerLinker::isOrgWord)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the tagger overrules a system the knowledge base names by a plain word: when its
     * person's or place's name covers the word and no equipment class, designation or company
     * stands within two words ("Bashar al-Assad" is no Assad-class ship, "Anbar Province" no
     * Province; "БПЛА Bayraktar" and "Dassault's Rafale" stay the aircraft).
     */
    private static boolean overruled(Mention m, List<PerceptronTagger.Span> spans, List<Mention> gaz) {
        if (m.kind() != EntityKind.WEAPON || m.text().chars().anyMatch(Character::isDigit)) {
            return false;
        }
        for (Mention o : gaz) {
            if (o != m && (o.kind() == EntityKind.CATEGORY || o.kind() == EntityKind.WEAPON
                    || o.kind() == EntityKind.ORG && known(o.entity()))
                    && o.firstToken() <= m.lastToken() + 2 && m.firstToken() <= o.lastToken() + 2) {
                return false;
            }
        }
        for (PerceptronTagger.Span sp : spans) {
            if (sp.first() <= m.firstToken() && m.lastToken() <= sp.last() && !sp.type().equals("ORG")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new entry for a name the knowledge base lacks, keyed by its dictionary form: a person's
     * every word is lemmatised ("Владимиром Путиным" is Владимир Путин); an organisation or place
     * keeps its words but a single word is lemmatised ("Газпрома" is Газпром).
     */
    private static Entity newEntity(String type, List<Token> toks, String surface) {
        EntityKind kind = switch (type) {
            case "PER" -> EntityKind.PERSON;
            case "ORG" -> EntityKind.ORG;
            case "LOC", "COUNTRY", "CITY" -> EntityKind.LOC;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        String name = surface;
        if (kind == EntityKind.PERSON || toks.size() == 1) {
            StringBuilder b = new StringBuilder();
            for (Token t : toks) {
                if (!Character.isLetter(t.text().codePointAt(0))) {
                    continue;
                }
                String w = t.tag().isEmpty() ? t.text() : capitalise(t.lemma(), t.text());
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(w);
            }
            if (b.length() > 0) {
                name = b.toString();
            }
        }
        String category = switch (type) {
            case "CITY" -> "city";
            case "COUNTRY" -> "country";
            default -> null;
        };
        return kind == EntityKind.LOC ? new Entity(kind.name() + ":" + name, kind, name, null, category, Map.of())
                : KnowledgeBase.unknown(kind, name, category);
    }

    private static String capitalise(String lemma, String surface) {
        if (lemma.isEmpty() || !Character.isUpperCase(surface.codePointAt(0))) {
            return lemma;
        }
        if (surface.length() > 1 && surface.equals(surface.toUpperCase(Locale.ROOT))) {
            return lemma.toUpperCase(Locale.ROOT);
        }
        return lemma.substring(0, 1).toUpperCase(Locale.ROOT) + lemma.substring(1);
    }

    private static void mark(boolean[] taken, int a, int b) {
        for (int i = a; i <= b; i++) {
            taken[i] = true;
        }
    }

    private static boolean any(boolean[] taken, int a, int b) {
        for (int i = a; i <= b; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }
}
