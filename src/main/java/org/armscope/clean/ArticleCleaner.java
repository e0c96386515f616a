package org.armscope.clean;

import org.armscope.model.Document;
import org.armscope.model.RawDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default cleaner. Both HTML and plain text become a list of blocks, which
 * {@link BlockClassifier} scores; the article is the best-scoring run of blocks, preceded
 * by the title. HTML adds structure (link density, chrome-looking class names, headings)
 * and metadata (title, date, author, site).
 */
public final class ArticleCleaner implements Cleaner {
    private static final Set<String> DROP_TAGS = Set.of("script", "style", "iframe", "svg",
            "button", "input", "select", "textarea", "nav", "footer", "aside", "template", "object", "embed",
            "canvas", "video", "audio", "map", "head", "menu", "dialog", "rt", "rp");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "td", "th", "dd", "dt", "div", "section", "article", "main", "header", "figcaption", "caption",
            "address", "tr", "table", "ul", "ol", "dl", "br", "hr", "body", "center", "summary", "details");
    private static final Pattern CHROME_CLASS = Pattern.compile(
            "(?i)(^|[-_ ])(share|sharing|social|comment|comments|related|subscribe|subscription|newsletter|cookie|"
                    + "banner|advert|ads|promo|sidebar|breadcrumbs?|menu|navbar|nav|footer|login|signup|popup|modal|"
                    + "author-box|author-bio|author-card|contributor-bio|bio|disclaimer|disclosure|saboxplugin-wrap|recommend|complain|complaint|report-error|outbrain|taboola|caption|gallery|slideshow|credits?)([-_ ]|$)");
    private static final int MAX_CHARS = 20_000_000;
    /** How many enclosing elements a block remembers, for choosing the article's container. */
    private static final int ANCESTORS = 40;
    /** Score from which a paragraph outside the top candidate still counts as the article's (about 20 words of prose). */
    private static final double LONG_PROSE = 10;
    /** What an unlinked short list item or table cell inside the container weighs: a little, for the article. */
    private static final double LIST_ITEM = 1;
    private static final Set<String> LIST_TAGS = Set.of("li", "td", "th", "dd", "dt", "pre", "tr", "br");
    /** The most a chrome block inside the container weighs against the run of blocks around it. */
    private static final double CHROME_WEIGHT = -8;
    /** The most any block weighs against the subtree around it when the best subtree is chosen. */
    private static final double CHROME_FLOOR = 10;
    /** The most a stretch of chrome inside the container weighs against the prose around it. */
    private static final double GAP = 30;
    /** What a short unlinked sentence inside the container weighs. */
    private static final double SHORT_SENTENCE = 1;
    /** What another short unlinked line inside the container weighs. */
    private static final double SHORT_LINE = -0.5;

    @Override
    public Document clean(RawDocument raw) {
        return raw.html() ? cleanHtml(raw) : cleanText(raw);
    }

    /** The non-empty lines of a plain-text page, white space folded. */
    private static List<String> lines(RawDocument raw) {
        List<String> lines = new ArrayList<>();
        for (String line : raw.text().split("\\R")) {
            String t = collapse(line);
            if (!t.isEmpty()) {
                lines.add(t);
            }
        }
        return lines;
    }

    /** The parsed page, cut at {@value #MAX_CHARS} characters. */
    private static org.jsoup.nodes.Document parse(RawDocument raw) {
        String html = raw.text().length() > MAX_CHARS ? raw.text().substring(0, MAX_CHARS) : raw.text();
        return Jsoup.parse(html, raw.source() == null ? "" : raw.source(), Parser.htmlParser());
    }

    private Document cleanText(RawDocument raw) {
        List<String> lines = lines(raw);
        List<Block> blocks = lines.stream().map(Block::plain).toList();
        String title = !blocks.isEmpty() && BlockClassifier.titleLike(blocks.get(0).text()) ? blocks.get(0).text() : null;
        String text = assemble(title, blocks);
        return new Document(raw.id(), raw.source(), null, title != null ? title : firstLine(text), dateline(lines), null, null, text);
    }

    /** How many lines at the top of a plain-text page may hold its dateline. */
    private static final int DATELINE_LINES = 6;

    /** A short line near the top that is a date ("27 أكتوبر 2025", "Вторник, 24 января 2012 года, 15:10"). */
    static String dateline(List<String> lines) {
        for (int i = 0; i < Math.min(DATELINE_LINES, lines.size()); i++) {
            String line = lines.get(i);
            if (line.length() <= 60 && BlockClassifier.words(line).size() <= 7) {
                String d = DateFinder.find(line);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private Document cleanHtml(RawDocument raw) {
        org.jsoup.nodes.Document page = parse(raw);
        Metadata meta = Metadata.read(page);
        Element body = page.body();
        List<Block> blocks = body == null ? List.of() : mainContainer(blocks(body), meta.title(), null);
        String title = meta.title();
        String text = assemble(title, blocks);
        String structured = structuredBody(title, meta.body());
        if (structured != null && BlockClassifier.words(structured).size() > 2 * BlockClassifier.words(text).size()) {
            text = structured; // the page renders its article from data: the markup holds little of it
        }
        return new Document(raw.id(), meta.canonical() != null ? meta.canonical() : raw.source(), null,
                title != null ? title : firstLine(text), meta.date(), meta.author(), meta.site(), text);
    }

    /** How many words a page's structured-data article body needs to be taken instead of its markup. */
    private static final int STRUCTURED_WORDS = 50;

    /**
     * The article body a page states in its structured data (schema.org {@code articleBody}),
     * as paragraphs after the title, or null when it has none of article length. Markup inside
     * it is read as text.
     */
    static String structuredBody(String title, String body) {
        if (body == null || BlockClassifier.words(body).size() < STRUCTURED_WORDS) {
            return null;
        }
        String plain = body.indexOf('<') >= 0 ? Jsoup.parse(body.replaceAll("(?i)<br\\s*/?>|</p>", "\n")).wholeText() : body;
        StringBuilder out = new StringBuilder(title == null ? "" : title);
        for (String line : plain.split("\\R+")) {
            String t = collapse(line);
            if (!t.isEmpty() && (title == null || !sameText(t, title))) {
                out.append(out.length() > 0 ? "\n" : "").append(t);
            }
        }
        return out.toString();
    }

    /**
     * The blocks inside the element whose blocks score highest in total (the best subtree: prose
     * adds, link lists and chrome subtract), so sidebars, related boxes and comment threads
     * outside the article fall away before the run of blocks is chosen.
     */
    static List<Block> mainContainer(List<Block> blocks) {
        return mainContainer(blocks, null);
    }

    /** As {@link #mainContainer(List)}; {@code why}, when given, receives each block's reason. */
    static List<Block> mainContainer(List<Block> blocks, java.util.Map<Block, String> why) {
        return mainContainer(blocks, null, why);
    }

    /**
     * As {@link #mainContainer(List)}, knowing the page's title: on a page that runs several
     * articles of one shape one after another (infinite scroll), the article is the one under
     * the title's heading, not the longest.
     */
    static List<Block> mainContainer(List<Block> blocks, String title, java.util.Map<Block, String> why) {
        // Readability's idea: a block's score goes to its parent, half to its grandparent, a third
        // further up; the top candidate is the element whose own paragraphs score best, and sibling
        // subtrees that score well too are kept with it.
        // in page order (jsoup elements are equal only to themselves): equal scores go to the first
        // element, the same one on every run
        java.util.Map<Element, Double> scores = new java.util.LinkedHashMap<>();
        java.util.Map<Element, Double> totals = new java.util.LinkedHashMap<>();
        for (Block b : blocks) {
            double score = BlockClassifier.score(b);
            List<Element> a = b.ancestors();
            for (int level = 1; level < Math.min(a.size(), 6); level++) {
                scores.merge(a.get(level), score / level, Double::sum);
            }
            for (Element e : a) {
                totals.merge(e, score, Double::sum);
            }
        }
        Element top = null;
        double topScore = 0;
        for (java.util.Map.Entry<Element, Double> e : scores.entrySet()) {
            if (e.getValue() > topScore) {
                top = e.getKey();
                topScore = e.getValue();
            }
        }
        if (top == null) {
            return blocks;
        }
        // the page's own word for its article body (itemprop="articleBody", class "entry-content")
        // wins when that element holds most of the article's prose
        Element hinted = null;
        double hintedScore = 0;
        for (java.util.Map.Entry<Element, Double> e : totals.entrySet()) {
            if (e.getValue() > hintedScore && contentHint(e.getKey())) {
                hinted = e.getKey();
                hintedScore = e.getValue();
            }
        }
        if (hinted != null && hintedScore >= HINT_SHARE * totals.getOrDefault(top, topScore)) {
            top = hinted;
            topScore = hintedScore;
        }
        Element titled = titledTwin(blocks, title, top);
        if (titled != null) {
            top = titled;
        }
        java.util.Set<Element> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keep.add(top);
        Element parent = top.parent();
        if (parent != null) {
            double threshold = Math.max(10, 0.2 * totals.getOrDefault(top, topScore));
            for (Element sibling : parent.children()) {
                boolean twin = titled != null && isTwin(sibling, top);
                if (sibling != top && !twin && totals.getOrDefault(sibling, 0.0) >= threshold) {
                    keep.add(sibling);
                }
            }
        }
        // long prose elsewhere in the best-scoring subtree belongs to the article too, unless it is
        // one card of a list of teasers
        java.util.Set<Block> subtree = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        subtree.addAll(bestSubtree(blocks));
        java.util.Set<Block> cards = cards(blocks);
        subtree.removeAll(cards);
        if (titled != null) {
            // the other articles of the page are not prose of this one
            java.util.Map<Element, Boolean> twins = new java.util.IdentityHashMap<>();
            subtree.removeIf(b -> {
                for (Element a : b.ancestors()) {
                    if (a != titled && twins.computeIfAbsent(a, x -> isTwin(x, titled))) {
                        return true;
                    }
                }
                return false;
            });
        }
        boolean[] inside = new boolean[blocks.size()];
        int first = -1;
        for (int i = 0; i < blocks.size(); i++) {
            for (Element a : blocks.get(i).ancestors()) {
                if (keep.contains(a)) {
                    inside[i] = true;
                    break;
                }
            }
            if (inside[i] && first < 0) {
                first = i;
            }
        }
        // the lead: prose between the page's headline and the article's container (a standfirst
        // in the header, "p.lead", "article-intro") belongs to the article
        int headline = headline(blocks, title, first);
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean in = inside[i];
            boolean underHeadline = !in && headline >= 0 && i > headline && i < first && !cards.contains(b);
            // scored once, and only where it can count: under the headline or in the best subtree
            boolean longProse = (underHeadline || !in && subtree.contains(b)) && BlockClassifier.score(b) >= LONG_PROSE;
            boolean lead = underHeadline && longProse;
            boolean prose = longProse && !lead;
            if (in || lead || prose) {
                out.add(b);
            }
            if (why != null) {
                why.put(b, in ? "container" : lead ? "lead" : prose ? "prose" : cards.contains(b) ? "card" : "outside");
            }
        }
        return out;
    }

    /** How many blocks above the article's container its headline may sit. */
    private static final int HEADLINE_REACH = 8;

    /**
     * The index of the page's headline above the container's first block: the nearest h1 that
     * names the title (or any h1 when the title is unknown) at most {@value #HEADLINE_REACH}
     * blocks above it, or -1.
     */
    static int headline(List<Block> blocks, String title, int first) {
        for (int i = first - 1; i >= 0 && i >= first - HEADLINE_REACH; i--) {
            Block b = blocks.get(i);
            if (isH1(b) && (title == null || namesTitle(b.text(), title))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a block is the text of an h1 heading. */
    private static boolean isH1(Block b) {
        return b.heading() && !b.ancestors().isEmpty() && b.ancestors().get(0).normalName().equals("h1");
    }

    /**
     * The element holding the title's heading and an {@code <article>} when it is a twin of the
     * one holding the top candidate (same parent, tag and class: one more article of the same
     * page), or null.
     */
    static Element titledTwin(List<Block> blocks, String title, Element top) {
        if (title == null || title.isBlank()) {
            return null;
        }
        java.util.Set<Element> holdsTop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element e = top; e != null; e = e.parent()) {
            holdsTop.add(e); // the top candidate and every element around it, found once
        }
        Block heading = blocks.stream().filter(b -> isH1(b) && namesTitle(b.text(), title)).findFirst().orElse(null);
        if (heading == null) {
            return null;
        }
        boolean article = false;
        for (Element a : heading.ancestors()) {
            article |= a.normalName().equals("article");
            if (holdsTop.contains(a) || a.parent() == null) {
                return null; // the title sits above the chosen article, as it should, or has no twin
            }
            if (article) {
                for (Element twin : a.parent().children()) {
                    if (twin != a && holdsTop.contains(twin) && isTwin(twin, a)) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code other} is one more article beside {@code article}: same parent, tag and
     * class, and a headline of its own (the sections of one article cut into look-alike
     * wrappers have no headline each).
     */
    static boolean isTwin(Element other, Element article) {
        return other.parent() == article.parent() && other.normalName().equals(article.normalName())
                && other.className().equals(article.className()) && other.selectFirst("h1") != null;
    }

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·:/-]{1,2}\\s+");

    /** Whether a heading is the page's title, or its part beside the site's name ("Diario HOY | Darán …"). */
    static boolean namesTitle(String heading, String title) {
        if (sameText(heading, title)) {
            return true;
        }
        for (String part : TITLE_SEPARATOR.split(title)) {
            if (sameText(heading, part)) {
                return true;
            }
        }
        return false;
    }

    /** How many look-alike cards make a list of teasers. */
    private static final int CARDS = 3;

    /**
     * Blocks that are one card of a repeated structure: the same chain of tags and classes above
     * the block, under at least {@value #CARDS} different parents ("more stories" teasers, each
     * in a card of its own, alone, next to its headline link). An article's paragraphs share one
     * parent, and an article cut into look-alike chunks by its pictures or sub-headings has no
     * headline links beside them or several paragraphs in a chunk.
     */
    static java.util.Set<Block> cards(List<Block> blocks) {
        java.util.Map<String, java.util.Set<Element>> parents = new java.util.HashMap<>();
        java.util.Map<Block, String> sigs = new java.util.IdentityHashMap<>();
        java.util.Map<String, java.util.Map<Element, Integer>> perParent = new java.util.HashMap<>();
        for (Block b : blocks) {
            if (b.ancestors().size() < 3) {
                continue;
            }
            StringBuilder sig = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                Element e = b.ancestors().get(i);
                sig.append(e.normalName()).append('.').append(e.className()).append('/');
            }
            sigs.put(b, sig.toString());
            parents.computeIfAbsent(sig.toString(), k -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()))
                    .add(b.ancestors().get(1));
            perParent.computeIfAbsent(sig.toString(), k -> new java.util.IdentityHashMap<>())
                    .merge(b.ancestors().get(1), 1, Integer::sum);
        }
        // a teaser card holds its headline link; an article cut into look-alike chunks has none
        java.util.Set<Element> linked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Block b : blocks) {
            if (b.linkDensity() >= 0.5) {
                linked.addAll(b.ancestors().subList(0, Math.min(3, b.ancestors().size())));
            }
        }
        java.util.Set<Block> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        sigs.forEach((b, sig) -> {
            if (parents.get(sig).size() >= CARDS && perParent.get(sig).get(b.ancestors().get(1)) == 1
                    && (linked.contains(b.ancestors().get(1)) || linked.contains(b.ancestors().get(2)))) {
                out.add(b);
            }
        });
        return out;
    }

    /**
     * The blocks inside the element whose blocks score highest in total (the best subtree: prose
     * adds, link lists and chrome subtract).
     */
    static List<Block> bestSubtree(List<Block> blocks) {
        // a long menu or comment form weighs no more than a few short lines: an article cut into
        // many small wrappers must not lose to one long paragraph because chrome sits beside it
        java.util.Map<Element, Double> totals = new java.util.LinkedHashMap<>(); // in page order, as above
        for (Block b : blocks) {
            double score = Math.max(-CHROME_FLOOR, BlockClassifier.score(b));
            for (Element a : b.ancestors()) {
                totals.merge(a, score, Double::sum);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (java.util.Map.Entry<Element, Double> e : totals.entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        if (best == null) {
            return blocks;
        }
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            for (Element a : b.ancestors()) {
                if (a == best) {
                    out.add(b);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Each block of an HTML page with its score, where it sits and why it was kept or dropped: the
     * tool for improving the cleaner ({@code ./armscope clean --explain FILE}).
     */
    public static List<String> explain(RawDocument raw) {
        if (!raw.html()) {
            List<String> out = new ArrayList<>();
            for (String t : lines(raw)) {
                out.add(String.format(Locale.ROOT, "%7.1f  %s", BlockClassifier.score(Block.plain(t)), clip(t)));
            }
            return out;
        }
        org.jsoup.nodes.Document page = parse(raw);
        List<Block> all = page.body() == null ? List.of() : blocks(page.body());
        java.util.Map<Block, String> why = new java.util.IdentityHashMap<>();
        mainContainer(all, Metadata.read(page).title(), why);
        List<String> out = new ArrayList<>();
        for (Block b : all) {
            StringBuilder path = new StringBuilder();
            for (int i = Math.min(3, b.ancestors().size()) - 1; i >= 0; i--) {
                Element e = b.ancestors().get(i);
                path.append('/').append(e.normalName());
                if (!e.id().isEmpty()) {
                    path.append('#').append(e.id());
                }
                if (!e.className().isEmpty()) {
                    path.append('.').append(e.className().strip().replaceAll("\\s+", "."));
                }
            }
            out.add(String.format(Locale.ROOT, "%7.1f %-9s %s%s  %s", BlockClassifier.score(b), why.get(b),
                    b.chromeMarkup() ? "[chrome] " : "", clip(path.toString()), clip(b.text())));
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }

    /** Title line, then the best run of blocks without chrome inside it; a block repeating the title is dropped. */
    static String assemble(String title, List<Block> blocks) {
        int offset = 0;
        if (title != null && !blocks.isEmpty() && sameText(blocks.get(0).text(), title)) {
            offset = 1;
        }
        double[] scores = new double[blocks.size() - offset];
        for (int i = 0; i < scores.length; i++) {
            Block b = blocks.get(i + offset);
            scores[i] = BlockClassifier.score(b);
            if (scores[i] < 0 && scores[i] > -5 && !b.ancestors().isEmpty()
                    && LIST_TAGS.contains(b.ancestors().get(0).normalName())) {
                scores[i] = LIST_ITEM; // a short list item or table cell in the article: tour dates, results
            } else if (scores[i] == -2 && b.linkDensity() == 0) {
                // a short line of the article: dialogue, "Ok."
                scores[i] = BlockClassifier.endsLikeSentence(b.text()) ? SHORT_SENTENCE : SHORT_LINE;
            }
            if (b.chromeMarkup()) {
                // chrome inside the article (a gallery, a share bar) is left out, and weighs only a
                // little in choosing the run: a long gallery must not cut the article in two
                scores[i] = Math.max(scores[i], CHROME_WEIGHT);
            }
        }
        int[] run = BlockClassifier.bestRun(gapped(scores));
        // a heading or a label that ends the run introduces what was left out ("Mehr zum Thema",
        // "Kontakt:"), not the article
        while (run[1] - run[0] > 1 && introduces(blocks.get(run[1] - 1 + offset))) {
            run[1]--;
        }
        while (run[1] - run[0] > 1 && BlockClassifier.score(blocks.get(run[0] + offset)) == -2
                && DateFinder.find(blocks.get(run[0] + offset).text()) != null) {
            run[0]++; // a dateline or "Updated: 11.04.2020" above the article: metadata, not text
        }
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isBlank()) {
            out.append(title);
        }
        for (int i = run[0]; i < run[1]; i++) {
            if (scores[i] <= -5) {
                continue;
            }
            String t = blocks.get(i + offset).text();
            if (title != null && sameText(t, title)) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(t);
        }
        return out.toString();
    }

    /**
     * The scores with each stretch of consecutive negative blocks weighing {@value #GAP} at most
     * in all: a table of contents or a gallery inside the article is left out without cutting
     * the article in two, while chrome before and after it still ends the run.
     */
    static double[] gapped(double[] scores) {
        double[] out = scores.clone();
        int i = 0;
        while (i < out.length) {
            if (out[i] >= 0) {
                i++;
                continue;
            }
            int j = i;
            double sum = 0;
            while (j < out.length && out[j] < 0) {
                sum += out[j];
                j++;
            }
            if (sum < -GAP) {
                for (int k = i; k < j; k++) {
                    out[k] = out[k] * GAP / -sum;
                }
            }
            i = j;
        }
        return out;
    }

    private static boolean introduces(Block b) {
        return (b.heading() || b.text().endsWith(":")) && BlockClassifier.score(b) < LONG_PROSE;
    }

    private static boolean sameText(String a, String b) {
        return collapse(a).equalsIgnoreCase(collapse(b));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** White space folded, and the text in Unicode NFC: one spelling for "ড়" however the page encodes it. */
    static String collapse(String s) {
        String t = s.replace('\u00A0', ' ').replaceAll("[\\s\\p{Z}]+", " ").strip();
        return java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFC) ? t
                : java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
    }

    /** Walks the body (iteratively: deep nesting cannot overflow the stack) and cuts it into blocks. */
    static List<Block> blocks(Element body) {
        java.util.Set<Element> headlined = headlined(body);
        List<Block> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int[] linkChars = {0};
        boolean[] heading = {false};
        int[] skipDepth = {-1};
        int[] linkDepth = {-1};
        int[] chromeDepth = {-1};
        java.util.ArrayDeque<Element> open = new java.util.ArrayDeque<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (skipDepth[0] >= 0) {
                    return;
                }
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (DROP_TAGS.contains(tag) || el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))
                            || el.attr("style").replace(" ", "").contains("display:none")) {
                        skipDepth[0] = depth;
                        return;
                    }
                    open.push(el);
                    if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                            heading[0] = true;
                        }
                    }
                    if (chromeDepth[0] < 0 && looksLikeChrome(el, headlined)) {
                        chromeDepth[0] = depth;
                    }
                    if (tag.equals("a") && linkDepth[0] < 0) {
                        linkDepth[0] = depth;
                    }
                } else if (node instanceof TextNode tn) {
                    String t = tn.text();
                    text.append(t);
                    if (linkDepth[0] >= 0) {
                        linkChars[0] += t.strip().length();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (skipDepth[0] >= 0) {
                    if (skipDepth[0] == depth) {
                        skipDepth[0] = -1;
                    }
                    return;
                }
                if (node instanceof Element el) {
                    if (BLOCK_TAGS.contains(el.normalName())) {
                        flush();
                    }
                    if (!open.isEmpty() && open.peek() == el) {
                        open.pop();
                    }
                    if (linkDepth[0] == depth) {
                        linkDepth[0] = -1;
                    }
                    if (chromeDepth[0] == depth) {
                        flush();
                        chromeDepth[0] = -1;
                    }
                }
            }

            private void flush() {
                String t = collapse(text.toString());
                if (!t.isEmpty()) {
                    double density = Math.min(1.0, linkChars[0] / (double) t.length());
                    List<Element> ancestors = new ArrayList<>(ANCESTORS);
                    java.util.Iterator<Element> it = open.iterator();
                    for (int i = 0; i < ANCESTORS && it.hasNext(); i++) {
                        ancestors.add(it.next());
                    }
                    out.add(new Block(t, density, heading[0], chromeDepth[0] >= 0, ancestors));
                }
                text.setLength(0);
                linkChars[0] = 0;
                heading[0] = false;
            }
        }, body);
        String rest = collapse(text.toString());
        if (!rest.isEmpty()) {
            out.add(new Block(rest, 0, false, false, List.of()));
        }
        return out;
    }

    private static final Pattern CONTENT_CLASS = Pattern.compile(
            "(?i)(^|[-_ ])(article-?body|article-?content|article-?text|articletext|entry-?content|post-?content|"
                    + "post-?body|post-?entry|story-?body|story-?content|content-?body|body-?text|main-?content|"
                    + "news-?text|text-?content|rich-?text|article__body|article__content|entry__content|"
                    + "single-?content|page-?content|td-post-content|field-?body)([-_ ]|$)");
    /** How much of the top candidate's prose an element named as the article body must hold to be taken instead. */
    private static final double HINT_SHARE = 0.7;

    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");

    /** Class and id words, lower case, camelCase split ("signupBackground___27LhS" → "signup-background___27lhs"). */
    static String words(String attrs) {
        return CAMEL.matcher(attrs).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** Whether the page itself says that this element is the article body. */
    static boolean contentHint(Element el) {
        if ("articleBody".equalsIgnoreCase(el.attr("itemprop"))) {
            return true;
        }
        String attrs = el.className() + " " + el.id();
        return !attrs.isBlank() && CONTENT_CLASS.matcher(attrs).find();
    }

    /**
     * Whether a class word names the page's content ("content", "content-main", "entry-content"):
     * "comment_content" is the content of a comment, which is chrome.
     */
    private static boolean namesContent(String attrs) {
        for (String word : attrs.split("\\s+")) {
            if (word.startsWith("content") || CONTENT_CLASS.matcher(word).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeChrome(Element el, java.util.Set<Element> headlined) {
        String tag = el.normalName();
        String attrs = words(el.className() + " " + el.id() + " " + el.attr("role"));
        if (TEASERS.matcher(attrs).find()) {
            return true; // "more stories", "most read", "up next": other articles, even as <article>
        }
        if (tag.equals("figcaption")) {
            return true; // the caption of a picture, not the article's text
        }
        if (tag.equals("p")) {
            return !attrs.isBlank() && PARAGRAPH_CHROME.matcher(attrs).find();
        }
        if (tag.equals("article") || tag.equals("main") || tag.equals("body")) {
            return false;
        }
        if (tag.equals("form")) {
            // a sign-up, comment or search form; a page wrapped whole in one form (ASP.NET) holds prose
            return !holdsProse(el);
        }
        if (attrs.isBlank() || !CHROME_CLASS.matcher(attrs).find() || attrs.contains("article") || namesContent(attrs)
                || attrs.contains("post-body")) {
            return false;
        }
        // a comment thread is prose and still chrome; other chrome-looking wrappers that hold a
        // page's worth of prose hold the article
        return PROSE_CHROME.matcher(attrs).find() || !(headlined.contains(el) || holdsProse(el));
    }

    /**
     * The elements that hold the page's headline (an h1) or an {@code <article>}: a wrapper
     * named "has-ads" around the whole story is not chrome.
     */
    private static java.util.Set<Element> headlined(Element body) {
        java.util.Set<Element> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element e : body.select("h1, article")) {
            for (Element p = e.parent(); p != null && out.add(p); p = p.parent()) {
                // each ancestor once: the walk stops where an earlier one joined
            }
        }
        return out;
    }

    /** Lists of other articles, by the names sites give them. */
    private static final Pattern TEASERS = Pattern.compile("(?i)(^|[ _-])(more-posts|more-stories|more-news|more-articles|"
            + "also-read|read-next|up-next|most-read|most-popular|popular-posts|trending-posts|"
            + "related-posts|related-articles|related-stories)([ _-]|$)");

    /** What a paragraph's own class or id may call it to be chrome: a newsletter call, a disclaimer. */
    private static final Pattern PARAGRAPH_CHROME = Pattern.compile("(?i)(^|[ _-])(newsletter|disclaimer|"
            + "disclosure|subscribe|subscription|postmetadata)([ _-]|$)");

    /** Chrome made of prose: readers' comments, whatever their length. */
    private static final Pattern PROSE_CHROME = Pattern.compile("(?i)(^|[ _-])(comment|comments|comment-list|commentlist|"
            + "comment-content|comment-body|disqus|author-bio|author-box|author-card|contributor-bio|bio|"
            + "disclaimer|disclosure|newsletter|related)([ _-]|$)");

    /**
     * Whether an element holds a page's worth of unlinked text: a wrapper whose class happens to
     * contain "nav" or "modal" but that encloses the article is not chrome. The walk is bounded.
     */
    private static boolean holdsProse(Element el) {
        int chars = 0;
        int linked = 0;
        int visited = 0;
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(el);
        while (!stack.isEmpty() && visited < 20_000) {
            Node n = stack.pop();
            visited++;
            if (n instanceof TextNode t) {
                int len = t.text().strip().length();
                chars += len;
                if (n.parent() instanceof Element p && p.normalName().equals("a")) {
                    linked += len;
                }
                if (chars - linked > 1500) {
                    return true;
                }
            } else if (n instanceof Element e && !DROP_TAGS.contains(e.normalName())) {
                for (int i = e.childNodeSize() - 1; i >= 0; i--) {
                    stack.push(e.childNode(i));
                }
            }
        }
        return false;
    }
}
