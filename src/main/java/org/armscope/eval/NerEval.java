package org.armscope.eval;

import org.armscope.model.Document;
import org.armscope.model.EntityKind;
import org.armscope.model.Mention;
import org.armscope.pipeline.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Span-exact named-entity evaluation (CoNLL style: a mention counts when start, end and type all
 * match) on the public sets, with each set's types mapped onto Armscope's. Types a set has and
 * Armscope does not produce are left out on both sides (see the README table).
 */
public final class NerEval {
    /** A typed span of a text. */
    public record Span(int start, int end, String type) {
    }

    /** One text with its gold spans. */
    public record Doc(String id, String text, List<Span> gold) {
    }

    /**
     * A dataset: its language, how its types map onto the scored types, and whether it marks a
     * country named by an adjective ("американский сенатор": NEREL's COUNTRY) as a name.
     */
    public record Dataset(String name, String lang, Map<String, String> goldTypes, boolean adjectives) {
    }

    public static final Map<String, Dataset> DATASETS = Map.of(
            "nerel", new Dataset("nerel", "ru", Map.of("PERSON", "PER", "ORGANIZATION", "ORG", "COUNTRY", "COUNTRY",
                    "CITY", "CITY", "STATE_OR_PROVINCE", "LOC", "LOCATION", "LOC", "DISTRICT", "LOC"), true),
            "ner-uk", new Dataset("ner-uk", "uk", Map.of("PERS", "PER", "ORG", "ORG", "LOC", "LOC"), false),
            "anercorp", new Dataset("anercorp", "ar", Map.of("PERS", "PER", "ORG", "ORG", "LOC", "LOC"), false),
            "re3d", new Dataset("re3d", "en", Map.of("Person", "PER", "Organisation", "ORG", "Location", "LOC",
                    "Weapon", "Weapon", "MilitaryPlatform", "MilitaryPlatform"), false),
            "wikigold", new Dataset("wikigold", "en", Map.of("PER", "PER", "ORG", "ORG", "LOC", "LOC"), false));

    private NerEval() {
    }

    // ------------------------------------------------------------------ readers

    /** BRAT standoff (NEREL; ner-uk's tab-separated variant too); continuous spans only. */
    static List<Doc> readBrat(List<Path> annFiles) throws IOException {
        List<Doc> out = new ArrayList<>();
        for (Path ann : annFiles) {
            Path txt = Path.of(ann.toString().replaceAll("\\.ann$", ".txt"));
            if (!Files.isRegularFile(txt)) {
                continue;
            }
            String text = Files.readString(txt, StandardCharsets.UTF_8);
            List<Span> spans = new ArrayList<>();
            for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
                if (!line.startsWith("T")) {
                    continue;
                }
                String[] tab = line.split("\t");
                if (tab.length < 2) {
                    continue;
                }
                String[] head = tab.length >= 4 && tab[1].matches("\\S+") && tab[2].matches("\\d+")
                        ? new String[] {tab[1], tab[2], tab[3]} : tab[1].split(" ");
                if (head.length != 3 || !head[1].matches("\\d+") || !head[2].matches("\\d+")) {
                    continue; // discontinuous span ("12 15;17 20")
                }
                spans.add(new Span(Integer.parseInt(head[1]), Integer.parseInt(head[2]), head[0]));
            }
            out.add(new Doc(ann.getFileName().toString(), text, spans));
        }
        return out;
    }

    /** CoNLL (IOB1 or IOB2; the tag is the last column): sentences become lines of space-joined tokens. */
    static List<Doc> readConll(Path file, int sentencesPerDoc) throws IOException {
        List<Doc> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        int sentences = 0;
        String openType = null;
        int openStart = -1;
        int lastEnd = -1;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.add("");
        for (String raw : lines) {
            String line = raw.replace("\uFEFF", "").replace("\u200E", "").strip();
            if (line.isEmpty() || line.startsWith("-DOCSTART-")) {
                if (openType != null) {
                    spans.add(new Span(openStart, lastEnd, openType));
                    openType = null;
                }
                if (text.length() > 0 && !text.toString().endsWith("\n")) {
                    text.append('\n');
                    sentences++;
                }
                if (sentences >= sentencesPerDoc || (line.startsWith("-DOCSTART-") && text.length() > 0)) {
                    out.add(new Doc(file.getFileName() + "#" + out.size(), text.toString(), spans));
                    text = new StringBuilder();
                    spans = new ArrayList<>();
                    sentences = 0;
                }
                continue;
            }
            String[] cols = line.split("[\t ]+");
            String token = cols[0];
            String tag = cols[cols.length - 1];
            if (text.length() > 0 && !text.toString().endsWith("\n")) {
                text.append(' ');
            }
            int start = text.length();
            text.append(token);
            int end = text.length();
            String type = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
            boolean begin = tag.startsWith("B-");
            if (openType != null && (type == null || begin || !type.equals(openType))) {
                spans.add(new Span(openStart, lastEnd, openType));
                openType = null;
            }
            if (type != null && openType == null) {
                openType = type;
                openStart = start;
            }
            lastEnd = end;
        }
        if (text.length() > 0) {
            out.add(new Doc(file.getFileName() + "#" + out.size(), text.toString(), spans));
        }
        return out;
    }

    /** The dataset's test documents from its folder, as ../shared lays them out. */
    public static List<Doc> load(String dataset, Path dir) throws IOException {
        switch (dataset) {
            case "nerel" -> {
                Path test = Files.isDirectory(dir.resolve("NEREL-v1.1/test")) ? dir.resolve("NEREL-v1.1/test") : dir.resolve("test");
                return readBrat(list(test, ".ann"));
            }
            case "ner-uk" -> {
                Path data = dir.resolve("v2.0/data");
                List<String> split = Files.readAllLines(data.resolve("dev-test-split.txt"));
                Set<String> test = new HashSet<>();
                boolean inTest = false;
                for (String s : split) {
                    if (s.strip().equals("TEST")) {
                        inTest = true;
                    } else if (s.strip().equals("DEV")) {
                        inTest = false;
                    } else if (inTest && !s.isBlank()) {
                        test.add(s.strip());
                    }
                }
                List<Path> anns = new ArrayList<>();
                for (String sub : List.of("bruk", "ng")) {
                    for (Path p : list(data.resolve(sub), ".ann")) {
                        if (test.contains(p.getFileName().toString().replace(".ann", ""))) {
                            anns.add(p);
                        }
                    }
                }
                return readBrat(anns);
            }
            case "anercorp" -> {
                return readConll(dir.resolve("ANERcorp-CamelLabSplits/ANERCorp_CamelLab_test.txt"), 20);
            }
            case "re3d" -> {
                return readConll(dir.resolve("CONLL-format/data/test/re3d-test.conll"), 20);
            }
            case "wikigold" -> {
                // the English model trains on four fifths of wikigold: the fifth it never saw is the test
                return fifth(readConll(dir.resolve("CONLL-format/data/wikigold.conll.txt"), 20), true);
            }
            default -> throw new IllegalArgumentException("unknown NER set '" + dataset + "': nerel, ner-uk, anercorp, re3d, wikigold");
        }
    }

    private static List<Doc> fifth(List<Doc> docs, boolean test) {
        List<Doc> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if ((i % 5 == 4) == test) {
                out.add(docs.get(i));
            }
        }
        return out;
    }

    /** A Wikidata link of a gold mention: the span, its NEREL type, the item and the item's label. */
    public record Link(String doc, int start, int end, String type, String qid, String label) {
    }

    /** NEREL's entity links ("N2 Reference T6 Wikidata:Q8074815 Хорняк, Жолт") with their spans. */
    static List<Link> readLinks(Path dir) throws IOException {
        List<Link> out = new ArrayList<>();
        for (Path ann : list(dir, ".ann")) {
            Map<String, String[]> spans = new java.util.HashMap<>();
            List<String> lines = Files.readAllLines(ann, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] tab = line.split("\t");
                if (line.startsWith("T") && tab.length >= 2) {
                    String[] head = tab[1].split(" ");
                    if (head.length == 3 && head[1].matches("\\d+") && head[2].matches("\\d+")) {
                        spans.put(tab[0], head);
                    }
                }
            }
            for (String line : lines) {
                String[] tab = line.split("\t");
                if (!line.startsWith("N") || tab.length < 3) {
                    continue;
                }
                String[] ref = tab[1].split(" ");
                if (ref.length != 3 || !ref[2].startsWith("Wikidata:") || !spans.containsKey(ref[1])) {
                    continue;
                }
                String[] head = spans.get(ref[1]);
                out.add(new Link(ann.getFileName().toString(), Integer.parseInt(head[1]), Integer.parseInt(head[2]), head[0],
                        ref[2].substring(9), tab[2]));
            }
        }
        return out;
    }

    /** Linking accuracy: mentions of knowledge-base entries linked to the right entry. */
    public record LinkingReport(int mentions, int correct, int wrong, int missed, int items, List<String> errors) {
        public double accuracy() {
            return mentions == 0 ? 0 : (double) correct / mentions;
        }

        public String format() {
            return String.format(Locale.ROOT, "Wikidata items our knowledge base holds: %d%n"
                    + "mentions of them: %d; linked to the right entry %d, to another %d, not found %d%naccuracy %.3f",
                    items, mentions, correct, wrong, missed, accuracy());
        }
    }

    private static final Map<String, org.armscope.model.EntityKind> LINKED_KINDS = Map.of(
            "PERSON", org.armscope.model.EntityKind.PERSON, "ORGANIZATION", org.armscope.model.EntityKind.ORG,
            "COUNTRY", org.armscope.model.EntityKind.COUNTRY);

    /**
     * Entity linking against NEREL's Wikidata links (test split). An item is one our knowledge base
     * holds when its Wikidata label, read alone, links to an entry of the mention's kind (persons,
     * organisations, countries: the knowledge base has no city entries); each test mention of such
     * an item counts as correct when a mention we find over its span is linked to that entry.
     */
    public static LinkingReport linking(Path nerelDir, Pipeline pipeline) throws IOException {
        Path test = Files.isDirectory(nerelDir.resolve("NEREL-v1.1/test")) ? nerelDir.resolve("NEREL-v1.1/test") : nerelDir.resolve("test");
        List<Link> links = readLinks(test);
        Map<String, String> itemToEntry = new java.util.HashMap<>();
        Set<String> notHeld = new HashSet<>();
        for (Link l : links) {
            var kind = LINKED_KINDS.get(l.type());
            if (kind == null || itemToEntry.containsKey(l.qid()) || notHeld.contains(l.qid())) {
                continue;
            }
            // "Хорняк, Жолт" is Wikidata's "surname, name" label
            String label = l.label().contains(", ") && kind == org.armscope.model.EntityKind.PERSON
                    ? l.label().substring(l.label().indexOf(", ") + 2) + " " + l.label().substring(0, l.label().indexOf(", "))
                    : l.label();
            var analysed = pipeline.analyzer().analyze(new Document("label", null, "ru", null, null, null, null, label));
            String entry = null;
            for (Mention m : pipeline.linker().link(analysed)) {
                if (!m.entity().names().isEmpty() && m.kind() == kind && m.start() == 0 && m.end() == label.length()) {
                    entry = m.entity().id();
                }
            }
            if (entry != null) {
                itemToEntry.put(l.qid(), entry);
            } else {
                notHeld.add(l.qid());
            }
        }
        Map<String, List<Link>> byDoc = new java.util.LinkedHashMap<>();
        for (Link l : links) {
            if (itemToEntry.containsKey(l.qid()) && LINKED_KINDS.containsKey(l.type())) {
                byDoc.computeIfAbsent(l.doc(), k -> new ArrayList<>()).add(l);
            }
        }
        int mentions = 0;
        int correct = 0;
        int wrong = 0;
        int missed = 0;
        List<String> errors = new ArrayList<>();
        for (var e : byDoc.entrySet()) {
            String text = Files.readString(test.resolve(e.getKey().replaceAll("\\.ann$", ".txt")), StandardCharsets.UTF_8);
            var analysed = pipeline.analyzer().analyze(new Document(e.getKey(), null, "ru", null, null, null, null, text));
            List<Mention> found = org.armscope.entities.StatisticalLinker.recognise(pipeline.linker(), analysed).stream()
                    .map(org.armscope.entities.StatisticalLinker.Recognised::mention).toList();
            for (Link l : e.getValue()) {
                mentions++;
                String want = itemToEntry.get(l.qid());
                List<Mention> over = found.stream().filter(m -> m.start() < l.end() && l.start() < m.end()).toList();
                if (over.stream().anyMatch(m -> m.entity().id().equals(want))) {
                    correct++;
                } else if (over.isEmpty()) {
                    missed++;
                    errors.add("not found  " + want + "\t" + text.substring(l.start(), l.end()));
                } else {
                    wrong++;
                    errors.add("wrong      " + want + " got " + over.get(0).entity().id() + "\t" + text.substring(l.start(), l.end()));
                }
            }
        }
        return new LinkingReport(mentions, correct, wrong, missed, itemToEntry.size(), errors);
    }

    /** A training corpus of a model: the texts and their names under the model's labels. */
    public record Training(String lang, String licence, List<Doc> docs) {
    }

    /**
     * NewsFANE's fine-grained ACE types that are our person, organisation and place (a cluster of
     * states, "الدول العربية", is a place); the rest (facilities, vehicles, works, groups of people)
     * are left out.
     */
    private static final Map<String, String> FANE = fane();

    private static Map<String, String> fane() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String t : List.of("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Police",
                "Businessperson", "Lawyer", "Engineer")) {
            m.put(t, "PER");
        }
        for (String t : List.of("Non-Governmental", "Sports", "Government", "Media", "Commercial", "Educational",
                "Medical-Science", "Entertainment", "Religious_ORG")) {
            m.put(t, "ORG");
        }
        for (String t : List.of("Nation", "Population-Center", "State-or-Province", "Continent", "Water-Body",
                "County-or-District", "Land-Region-Natural", "Celestial", "GPE-Cluster")) {
            m.put(t, "LOC");
        }
        return m;
    }

    private static final Map<String, String> NEREL_LABELS = Map.of("PERSON", "PER", "ORGANIZATION", "ORG",
            "COUNTRY", "COUNTRY", "CITY", "CITY", "STATE_OR_PROVINCE", "LOC", "LOCATION", "LOC", "DISTRICT", "LOC");

    /**
     * The training texts of a model, from the folder that holds ../shared/eval/ner: {@code cyrillic}
     * (NEREL train and dev, Russian), {@code ar} (NewsFANE Gold), {@code en} (wikigold less its test fifth).
     * Only sets whose licence allows shipping the model; ner-uk and ANERcorp are for evaluation only.
     */
    public static Training training(String model, Path nerRoot) throws IOException {
        switch (model) {
            case "cyrillic" -> {
                Path base = nerRoot.resolve("ru-nerel/NEREL-v1.1");
                List<Doc> docs = new ArrayList<>(readBrat(list(base.resolve("train"), ".ann")));
                docs.addAll(readBrat(list(base.resolve("dev"), ".ann")));
                return new Training("ru", "NEREL v1.1 (Russian Wikinews, CC BY 2.5)", relabel(docs, NEREL_LABELS));
            }
            case "ar" -> {
                List<Doc> docs = readConll(nerRoot.resolve("ar/NewsFANE-Gold-2014/NewsFANE_Gold_2014_170K.txt"), 20);
                return new Training("ar", "NewsFANE Gold 2014 (CC BY-SA 3.0)", relabel(docs, FANE));
            }
            case "en" -> {
                List<Doc> docs = fifth(readConll(nerRoot.resolve("en/wikigold/CONLL-format/data/wikigold.conll.txt"), 20), false);
                return new Training("en", "wikigold (CC BY 4.0)", relabel(docs, Map.of("PER", "PER", "ORG", "ORG", "LOC", "LOC")));
            }
            default -> throw new IllegalArgumentException("unknown model '" + model + "': cyrillic, ar or en");
        }
    }

    private static List<Doc> relabel(List<Doc> docs, Map<String, String> labels) {
        List<Doc> out = new ArrayList<>();
        for (Doc d : docs) {
            List<Span> spans = new ArrayList<>();
            for (Span s : d.gold()) {
                String t = labels.get(s.type());
                if (t != null) {
                    spans.add(new Span(s.start(), s.end(), t));
                }
            }
            out.add(new Doc(d.id(), d.text(), spans));
        }
        return out;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ mapping and scoring

    /** Our mention's type in the dataset's terms, or null when the dataset has no such type. */
    static String ourType(Mention m, Dataset d) {
        if (m.adjectival()) {
            return null; // "Словацкий", "Polish": nationality, which none of the sets scores
        }
        boolean fine = d.goldTypes().containsValue("COUNTRY");
        EntityKind k = m.kind();
        return switch (k) {
            case PERSON -> "PER";
            case ORG -> "ORG";
            case COUNTRY -> fine ? (m.entity().id().startsWith("COUNTRY:") && isCapital(m) ? "CITY" : "COUNTRY") : "LOC";
            case LOC -> !fine ? "LOC" : "city".equals(m.entity().category()) ? "CITY"
                    : "country".equals(m.entity().category()) ? "COUNTRY" : "LOC";
            // re3d marks generic equipment words too ("missiles", "the jet"): our equipment classes
            case WEAPON, CATEGORY -> {
                if (!d.goldTypes().containsValue("Weapon")) {
                    yield null;
                }
                String c = m.entity().category();
                yield c != null && (c.equals("aircraft") || c.equals("ships") || c.equals("armoured vehicles"))
                        ? "MilitaryPlatform" : "Weapon";
            }
            default -> null;
        };
    }

    /** The recogniser's type in the dataset's terms. */
    static String taggerType(String type, Dataset d) {
        boolean fine = d.goldTypes().containsValue("COUNTRY");
        return switch (type) {
            case "COUNTRY", "CITY" -> fine ? type : "LOC";
            default -> type;
        };
    }

    /** A capital named for its government ("Астана", "Kyiv"): a city in a set that tells cities from countries. */
    private static boolean isCapital(Mention m) {
        String surface = m.text().toLowerCase(Locale.ROOT);
        for (List<String> names : m.entity().names().values()) {
            for (String n : names) {
                if (surface.startsWith(n.toLowerCase(Locale.ROOT).substring(0, Math.min(4, n.length())))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String context(String text, Span s) {
        int a = Math.max(0, s.start() - 40);
        int b = Math.min(text.length(), s.end() + 40);
        return (text.substring(a, s.start()) + "[[" + text.substring(s.start(), s.end()) + "]]" + text.substring(s.end(), b))
                .replace('\n', ' ');
    }

    /** Per-type and micro counts; the last line printed by the command is "micro F1 x.xxx". */
    public record Report(Map<String, int[]> byType, int tp, int fp, int fn, long tokens, double seconds, double analysis) {
        public double f1() {
            return 2.0 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        public String format() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "tokens %d: entity stage (recognition and linking) %.2f s, %.0f tokens/s; language stage before it %.2f s, %.0f tokens/s%n",
                    tokens, seconds, tokens / Math.max(seconds, 1e-9), analysis, tokens / Math.max(analysis, 1e-9)));
            sb.append(String.format(Locale.ROOT, "%-18s %6s %6s %6s %7s %7s %7s%n",
                    "type", "tp", "fp", "fn", "P", "R", "F1"));
            byType.forEach((t, c) -> sb.append(line(t, c[0], c[1], c[2])));
            sb.append(line("micro", tp, fp, fn));
            sb.append(String.format(Locale.ROOT, "micro F1 %.3f", f1()));
            return sb.toString();
        }

        private static String line(String t, int tp, int fp, int fn) {
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return String.format(Locale.ROOT, "%-18s %6d %6d %6d %7.3f %7.3f %7.3f%n", t, tp, fp, fn, p, r, f);
        }
    }

    public static Report evaluate(String dataset, List<Doc> docs, Pipeline pipeline) {
        return evaluate(dataset, docs, pipeline, null);
    }

    /** As {@link #evaluate(String, List, Pipeline)}; with {@code errors} set, each missed and spurious span is printed to it. */
    public static Report evaluate(String dataset, List<Doc> docs, Pipeline pipeline, java.io.PrintStream errors) {
        Dataset d = DATASETS.get(dataset);
        Set<String> scored = new LinkedHashSet<>(d.goldTypes().values());
        Map<String, int[]> byType = new TreeMap<>();
        scored.forEach(t -> byType.put(t, new int[3]));
        int tp = 0;
        int fp = 0;
        int fn = 0;
        long tokens = 0;
        double seconds = 0;
        double analysis = 0;
        for (Doc doc : docs) {
            Set<Span> gold = new HashSet<>();
            for (Span s : doc.gold()) {
                String t = d.goldTypes().get(s.type());
                if (t != null) {
                    gold.add(new Span(s.start(), s.end(), t));
                }
            }
            Document document = new Document(doc.id(), null, d.lang(), null, null, null, null, doc.text());
            Set<Span> pred = new HashSet<>();
            long t0 = System.nanoTime();
            var analyzed = pipeline.analyzer().analyze(document);
            long t1 = System.nanoTime();
            analysis += (t1 - t0) / 1e9;
            List<org.armscope.entities.StatisticalLinker.Recognised> found =
                    org.armscope.entities.StatisticalLinker.recognise(pipeline.linker(), analyzed);
            seconds += (System.nanoTime() - t1) / 1e9;
            tokens += analyzed.sentences().stream().mapToLong(x -> x.tokens().size()).sum();
            for (var r : found) {
                Mention m = r.mention();
                String t = m.adjectival() && !d.adjectives() ? null : r.type() != null ? taggerType(r.type(), d) : ourType(m, d);
                if (t != null && scored.contains(t)) {
                    pred.add(new Span(m.start(), m.end(), t));
                }
            }
            for (Span p : pred) {
                boolean hit = gold.contains(p);
                byType.get(p.type())[hit ? 0 : 1]++;
                if (hit) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (Span g : gold) {
                if (!pred.contains(g)) {
                    byType.get(g.type())[2]++;
                    fn++;
                }
            }
            if (errors != null) {
                for (Span g : gold) {
                    if (!pred.contains(g)) {
                        errors.println("missed   " + g.type() + "\t" + context(doc.text(), g));
                    }
                }
                for (Span p : pred) {
                    if (!gold.contains(p)) {
                        errors.println("spurious " + p.type() + "\t" + context(doc.text(), p));
                    }
                }
            }
        }
        return new Report(byType, tp, fp, fn, tokens, seconds, analysis);
    }
}
