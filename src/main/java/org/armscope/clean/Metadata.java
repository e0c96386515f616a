package org.armscope.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page metadata from meta tags, JSON-LD and time elements. */
record Metadata(String title, String date, String author, String site, String canonical, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern URL_DATE = Pattern.compile("/(20\\d{2}|19\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|$|[^\\d])");

    static Metadata read(Document page) {
        java.time.ZoneId zone = zone(page);
        String title = first(page, List.of("meta[property=og:title]", "meta[name=twitter:title]"));
        if (title == null) {
            Element h1 = page.selectFirst("article h1, main h1, h1");
            title = h1 != null && !h1.text().isBlank() ? h1.text().strip() : null;
        }
        if (title == null && !page.title().isBlank()) {
            title = page.title().strip();
        }
        Element canonicalLink = page.selectFirst("link[rel=canonical]");
        String canonical = canonicalLink != null ? canonicalLink.absUrl("href") : null;
        if (canonical != null && canonical.isBlank()) {
            canonical = null;
        }
        // a full date in the address is the publication date (htmldate's order): tags are often
        // rewritten when a page is updated or re-rendered, addresses rarely
        String date = urlDate(canonical);
        if (date == null) {
            date = urlDate(page.location());
        }
        if (date == null) {
            date = isoDay(zone, first(page, List.of("meta[property=article:published_time]", "meta[name=pubdate]",
                "meta[name=publishdate]", "meta[itemprop=datePublished]", "meta[name=DC.date.issued]",
                "meta[property=og:published_time]", "meta[name=citation_publication_date]", "meta[name=parsely-pub-date]",
                "meta[name=sailthru.date]", "meta[property=og:article:published_time]", "meta[name=article:published_time]",
                "meta[itemprop=dateCreated]", "meta[name=date_published]", "meta[name=publication_date]")));
        }
        String author = first(page, List.of("meta[name=author]", "meta[property=article:author]"));
        String site = first(page, List.of("meta[property=og:site_name]", "meta[name=application-name]"));
        String created = null;
        String body = null;
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = JSON.readTree(script.data());
                List<JsonNode> nodes = new java.util.ArrayList<>();
                collect(node, nodes, 0);
                for (JsonNode n : nodes) {
                    if (date == null && n.hasNonNull("datePublished")) {
                        date = isoDay(zone, n.get("datePublished").asText());
                    }
                    if (created == null && n.hasNonNull("dateCreated")) {
                        created = isoDay(zone, n.get("dateCreated").asText());
                    }
                    if (created == null && n.hasNonNull("uploadDate")) {
                        created = isoDay(zone, n.get("uploadDate").asText());
                    }
                    if (author == null && n.has("author")) {
                        JsonNode a = n.get("author");
                        a = a.isArray() && a.size() > 0 ? a.get(0) : a;
                        author = a.isTextual() ? a.asText() : a.path("name").asText(null);
                    }
                    if (n.path("articleBody").isTextual() && (body == null
                            || n.get("articleBody").asText().length() > body.length())) {
                        body = n.get("articleBody").asText();
                    }
                    if (title == null && n.hasNonNull("headline")) {
                        title = n.get("headline").asText();
                    }
                }
            } catch (Exception ignored) {
                // malformed JSON-LD is common; other sources still count
            }
        }
        if (date == null) {
            date = created;
        }
        if (date == null) {
            Element time = page.selectFirst("time[datetime]");
            date = time != null ? isoDay(zone, time.attr("datetime")) : null;
        }
        if (date == null) {
            for (Element e : page.select("[itemprop=datePublished], [class*=date], [class*=publish], [class*=posted], "
                    + "[id*=date], [class*=time], [class*=meta]")) {
                String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.ownText();
                date = DateFinder.find(v.length() > 200 ? v.substring(0, 200) : v);
                if (date == null && e.text().length() < 200) {
                    date = DateFinder.find(e.text());
                }
                if (date != null) {
                    break;
                }
            }
        }
        if (date == null) {
            // a bare "date" tag is often the day the page was last generated, not published: it
            // counts after the dates the page shows
            date = isoDay(zone, first(page, List.of("meta[name=date]", "meta[name=Date]", "meta[name=dc.date]",
                    "meta[name=DC.date]", "meta[name=dcterms.date]")));
        }
        if (date == null) {
            date = labelledDate(page);
        }
        if (date == null) {
            date = commonestDate(page);
        }
        return new Metadata(title, date, author, site, canonical, body);
    }

    private static final Pattern DATE_LABEL = Pattern.compile("(?iu)(published|posted|updated|date|datum|ver[öo]ffentlicht|"
            + "aktualisiert|stand|fecha|publicado|publié|mis à jour|pubblicato|opublikowano|опубликовано|обновлено|дата|"
            + "опубліковано|оновлено|نشر|تاريخ|yayın|güncelleme|tarih)\\W{0,3}\\s*[:.]?");
    private static final Pattern SCRIPT_DATE = Pattern.compile(
            "\"(?:datePublished|published_at|publishDate|publish_date|pubDate|date_published|publishedAt|dateCreated|uploadDate)\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})");

    /** A date right after a label such as "Published:", "Aktualisiert:", "Опубликовано", or a publication date in page scripts. */
    private static String labelledDate(Document page) {
        if (page.body() != null) {
            String text = page.body().text();
            Matcher m = DATE_LABEL.matcher(text);
            int tries = 0;
            while (m.find() && tries++ < 50) {
                String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
                String d = DateFinder.find(after);
                if (d != null) {
                    return d;
                }
            }
        }
        for (Element script : page.select("script")) {
            String data = script.data();
            Matcher m = SCRIPT_DATE.matcher(data.length() > 200_000 ? data.substring(0, 200_000) : data);
            if (m.find()) {
                return DateFinder.find(m.group(1));
            }
        }
        return null;
    }

    /** How far the last-resort search reads into the page's text. */
    private static final int SEARCH_CHARS = 100_000;

    /**
     * The last resort (htmldate's extensive search): the date the page's text states most often,
     * the earlier on a tie, since the original publication outlives later updates. Dates after
     * next year are not publication dates.
     */
    private static String commonestDate(Document page) {
        if (page.body() == null) {
            return null;
        }
        String text = page.body().text();
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        String limit = (java.time.Year.now().getValue() + 1) + "-12-31";
        for (String d : DateFinder.findAll(text.length() > SEARCH_CHARS ? text.substring(0, SEARCH_CHARS) : text)) {
            if (d.compareTo("1995-01-01") >= 0 && d.compareTo(limit) <= 0) {
                counts.merge(d, 1, Integer::sum);
            }
        }
        String best = null;
        int most = 0;
        for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        // among dates named equally often, the first one under the headline is the dateline
        Element h1 = page.body().selectFirst("h1");
        int at = h1 == null || h1.text().isBlank() ? -1 : text.indexOf(h1.text());
        if (at >= 0) {
            String below = text.substring(at, Math.min(text.length(), at + SEARCH_CHARS));
            for (String d : DateFinder.findAll(below)) {
                if (counts.getOrDefault(d, 0) == most) {
                    return d;
                }
            }
        }
        return best;
    }

    /** Every JSON object in a JSON-LD block, through arrays and "@graph", to a bounded depth. */
    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > 6 || out.size() > 200) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                collect(node.get("@graph"), out, depth + 1);
            }
        }
    }

    private static String first(Document page, List<String> selectors) {
        for (String s : selectors) {
            Element e = page.selectFirst(s);
            if (e != null && !e.attr("content").isBlank()) {
                return e.attr("content").strip();
            }
        }
        return null;
    }

    private static String urlDate(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
            return day(m.group(1), m.group(2), m.group(3));
        }
        // "/newsroom/23-01-2022-dorothea-…", "/meldungen/29-10-2021": day first, as Europe writes it
        Matcher dmy = URL_DAY_FIRST.matcher(url);
        return dmy.find() ? day(dmy.group(3), dmy.group(2), dmy.group(1)) : null;
    }

    private static final Pattern URL_DAY_FIRST = Pattern.compile("/(\\d{1,2})[-.](\\d{1,2})[-.]((?:19|20)\\d{2})(?:[/-]|$|[^\\d])");

    private static String day(String year, String monthText, String dayText) {
        int month = Integer.parseInt(monthText);
        int day = Integer.parseInt(dayText);
        return month < 1 || month > 12 || day < 1 || day > 31 ? null : String.format("%s-%02d-%02d", year, month, day);
    }

    private static final Pattern UTC_INSTANT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(?:Z|UTC|GMT)\\b");
    private static final Map<String, java.time.ZoneId> ZONES = zones();

    private static Map<String, java.time.ZoneId> zones() {
        Map<String, java.time.ZoneId> out = new java.util.HashMap<>();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(
                Metadata.class.getResourceAsStream("timezones.tsv"), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length == 2 && !line.startsWith("#")) {
                    out.put(f[0], java.time.ZoneId.of(f[1]));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** The time zone of the site's country, from its address's country-code domain, or null. */
    static java.time.ZoneId zone(Document page) {
        for (Element link : page.select("link[rel=canonical], meta[property=og:url]")) {
            java.time.ZoneId z = zoneOf(link.hasAttr("href") ? link.attr("href") : link.attr("content"));
            if (z != null) {
                return z;
            }
        }
        return zoneOf(page.location());
    }

    static java.time.ZoneId zoneOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = java.net.URI.create(url.strip().replace(" ", "%20")).getHost();
            if (host == null) {
                return null;
            }
            return ZONES.get(host.substring(host.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The day of an ISO date or timestamp. A timestamp in UTC ("Z", as scripts write it) is the
     * day in the site's own time zone when that is known ("2021-11-04T23:00Z" on a German site
     * was published on 5 November); a timestamp with a written offset, "+00:00" included (the
     * site's clock set to UTC), already names the day its readers saw.
     */
    static String isoDay(java.time.ZoneId zone, String value) {
        if (value == null) {
            return null;
        }
        Matcher utc = UTC_INSTANT.matcher(value);
        if (zone != null && utc.find()) {
            try {
                return java.time.LocalDateTime.parse(utc.group(1) + "T" + utc.group(2)).atZone(java.time.ZoneOffset.UTC)
                        .withZoneSameInstant(zone).toLocalDate().toString();
            } catch (java.time.DateTimeException e) {
                // not a real instant: fall back to the date as written
            }
        }
        Matcher m = ISO_DATE.matcher(value);
        return m.find() ? m.group() : null;
    }
}
