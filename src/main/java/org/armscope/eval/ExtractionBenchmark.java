package org.armscope.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.armscope.clean.Cleaner;
import org.armscope.ingest.Decoder;
import org.armscope.ingest.IngestException;
import org.armscope.model.Document;
import org.armscope.model.RawDocument;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The two public main-text benchmarks, scored exactly as their own scripts do
 * (../shared/eval/SOURCES.md): Zyte's article-extraction benchmark (4-token shingles,
 * per-page normalised counts, macro P and R, F1 from them) and trafilatura's evaluation set
 * ("with" and "without" passages as substrings, micro counts).
 */
public final class ExtractionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Python's \w: letters, digits and underscore, without combining marks. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private ExtractionBenchmark() {
    }

    public record ZyteScore(double precision, double recall, double f1, double accuracy, int pages) {
    }

    // ---------------------------------------------------------------- Zyte

    public static Map<String, String> zyteTruth(Path dir) throws IOException {
        JsonNode gt = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        Map<String, String> out = new TreeMap<>();
        gt.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("articleBody").asText("")));
        return out;
    }

    /** Reads predictions in the benchmark's format, plain or wrapped in {"output": …}. */
    public static Map<String, String> zytePredictions(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.has("output") && root.get("output").isObject()) {
            root = root.get("output");
        }
        Map<String, String> out = new HashMap<>();
        root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("articleBody").asText("")));
        return out;
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < 4) {
            out.put(tokens, 1);
            return out;
        }
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            out.merge(tokens.subList(i, i + 4), 1, Integer::sum);
        }
        return out;
    }

    public static ZyteScore zyteScore(Map<String, String> truth, Map<String, String> predicted) {
        double sumP = 0;
        double sumR = 0;
        int nP = 0;
        int nR = 0;
        int exact = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            List<String> tt = tokens(e.getValue());
            List<String> pt = tokens(predicted.getOrDefault(e.getKey(), ""));
            if (tt.equals(pt)) {
                exact++;
            }
            Map<List<String>, Integer> ts = shingles(tt);
            Map<List<String>, Integer> ps = shingles(pt);
            double tp = 0;
            double fp = 0;
            double fn = 0;
            for (Map.Entry<List<String>, Integer> s : ts.entrySet()) {
                int cp = ps.getOrDefault(s.getKey(), 0);
                tp += Math.min(s.getValue(), cp);
                fn += Math.max(0, s.getValue() - cp);
            }
            for (Map.Entry<List<String>, Integer> s : ps.entrySet()) {
                fp += Math.max(0, s.getValue() - ts.getOrDefault(s.getKey(), 0));
            }
            double sum = tp + fp + fn;
            if (sum > 0) {
                tp /= sum;
                fp /= sum;
                fn /= sum;
            }
            if (tp + fp > 0) {
                sumP += fp == 0 && fn == 0 ? 1 : (tp == 0 && fp == 0 ? 0 : tp / (tp + fp));
                nP++;
            }
            if (tp + fn > 0) {
                sumR += fn == 0 && fp == 0 ? 1 : (tp == 0 && fn == 0 ? 0 : tp / (tp + fn));
                nR++;
            }
        }
        double p = nP == 0 ? 0 : sumP / nP;
        double r = nR == 0 ? 0 : sumR / nR;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new ZyteScore(p, r, f1, truth.isEmpty() ? 0 : (double) exact / truth.size(), truth.size());
    }

    /** Runs an extractor over the Zyte pages; returns predictions by id. */
    public static Map<String, String> zyteRun(Path dir, Function<RawDocument, String> extractor) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String id : zyteTruth(dir).keySet()) {
            RawDocument raw = zyteRaw(dir, id);
            out.put(id, raw == null ? "" : extractor.apply(raw));
        }
        return out;
    }

    /** The article body without the title line the cleaner puts first (the benchmark scores the body). */
    public static String body(Document d) {
        String text = d.text();
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (d.title() != null && first.equals(d.title())) {
            return nl < 0 ? "" : text.substring(nl + 1);
        }
        return text;
    }

    public static RawDocument zyteRaw(Path dir, String id) throws IOException {
        Path f = dir.resolve("html").resolve(id + ".html.gz");
        return raw(id, f, "https://example.invalid/" + id);
    }

    static RawDocument raw(String id, Path gz, String url) throws IOException {
        if (!Files.isRegularFile(gz)) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            bytes = in.readAllBytes();
        }
        try {
            return new RawDocument(id, url, Decoder.decode(bytes).text(), true, null);
        } catch (IngestException e) {
            return null;
        }
    }

    public static String zyteJson(Map<String, String> predictions) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        predictions.forEach((id, body) -> root.putObject(id).put("articleBody", body));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    // ---------------------------------------------------------------- trafilatura

    public record TrafilaturaScore(int tp, int fp, int tn, int fn, Map<String, int[]> byLang, int datedPages,
                                   int datesRight) {
        public double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        public double f1() {
            return 2.0 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        public double accuracy() {
            int all = tp + fp + tn + fn;
            return all == 0 ? 0 : (double) (tp + tn) / all;
        }
    }

    private static String ws(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Runs the cleaner over the trafilatura set and scores it; {@code predictions} receives url → text. */
    public static TrafilaturaScore trafilatura(Path dir, Cleaner cleaner, Map<String, String> predictions) throws IOException {
        return trafilatura(dir, cleaner, predictions, new ArrayList<>());
    }

    /** As above; {@code dateErrors} receives "url, gold date, found date" for every dated page missed. */
    public static TrafilaturaScore trafilatura(Path dir, Cleaner cleaner, Map<String, String> predictions,
                                               List<String> dateErrors) throws IOException {
        JsonNode data = JSON.readTree(dir.resolve("evaldata.json").toFile());
        JsonNode langs = Files.isRegularFile(dir.resolve("lang_and_location.json"))
                ? JSON.readTree(dir.resolve("lang_and_location.json").toFile()) : JSON.createObjectNode();
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        int dated = 0;
        int datesRight = 0;
        Map<String, int[]> byLang = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String url = e.getKey();
            JsonNode entry = e.getValue();
            RawDocument raw = raw(url, dir.resolve("html").resolve(entry.path("file").asText() + ".gz"), url);
            String text = null;
            Document doc = null;
            if (raw != null) {
                try {
                    doc = cleaner.clean(raw);
                    text = doc.text();
                } catch (RuntimeException | StackOverflowError ex) {
                    text = null;
                }
            }
            predictions.put(url, text == null ? "" : text);
            String out = ws(text);
            int etp = 0;
            int efp = 0;
            int with = entry.path("with").size();
            int without = entry.path("without").size();
            if (text != null) {
                for (JsonNode w : entry.path("with")) {
                    etp += out.contains(ws(w.asText())) ? 1 : 0;
                }
                for (JsonNode w : entry.path("without")) {
                    efp += out.contains(ws(w.asText())) ? 1 : 0;
                }
            }
            tp += etp;
            fn += with - etp;
            fp += efp;
            tn += without - efp;
            String lang = language(langs, url, entry);
            int[] c = byLang.computeIfAbsent(lang, k -> new int[4]);
            c[0] += etp;
            c[1] += efp;
            c[2] += without - efp;
            c[3] += with - etp;
            String goldDate = entry.path("date").asText("");
            if (goldDate.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                dated++;
                if (doc != null && goldDate.substring(0, 10).equals(doc.date())) {
                    datesRight++;
                } else {
                    dateErrors.add(url + "\tgold " + goldDate.substring(0, 10) + "\tfound " + (doc == null ? null : doc.date()));
                }
            }
        }
        return new TrafilaturaScore(tp, fp, tn, fn, byLang, dated, datesRight);
    }

    private static String language(JsonNode langs, String url, JsonNode entry) {
        JsonNode l = langs.path(url);
        String lang = l.isObject() ? l.path("lang_guess").asText(l.path("lang").asText("")) : l.asText("");
        if (lang.isBlank()) {
            lang = entry.path("lang").asText("");
        }
        lang = lang.toLowerCase(Locale.ROOT);
        return lang.length() >= 2 ? lang.substring(0, 2) : "??";
    }

    public static String trafilaturaJson(Map<String, String> predictions) throws IOException {
        Map<String, String> sorted = new LinkedHashMap<>(predictions);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted);
    }
}
