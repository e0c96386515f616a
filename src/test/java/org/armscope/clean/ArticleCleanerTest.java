package org.armscope.clean;

import org.armscope.Shared;
import org.armscope.ingest.FileSource;
import org.armscope.model.Document;
import org.armscope.model.RawDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleCleanerTest {
    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void seed000IsCleanedExactly() throws Exception {
        RawDocument raw = FileSource.read(Shared.path("seeds/000_04abb13b73db44b5.txt"), FileSource.DEFAULT_MAX_BYTES);
        String gold = Files.readString(Shared.path("gold/000_04abb13b73db44b5.clean.txt")).strip();
        Document doc = cleaner.clean(raw);
        assertEquals(gold, doc.text());
        assertEquals("Казахстан может начать производство БПЛА Bayraktar раньше Украины", doc.title());
    }

    @Test
    void seed001IsKeptWhole() throws Exception {
        RawDocument raw = FileSource.read(Shared.path("seeds/001_5ef2c9304808d7f0.txt"), FileSource.DEFAULT_MAX_BYTES);
        String gold = Files.readString(Shared.path("gold/001_5ef2c9304808d7f0.clean.txt")).strip();
        assertEquals(gold, cleaner.clean(raw).text());
    }

    @Test
    void htmlKeepsArticleAndDropsChrome() {
        String html = """
                <html><head><title>Site | News</title><meta property="og:title" content="Poland buys K2 tanks">
                <meta property="article:published_time" content="2022-08-27T10:00:00Z">
                <meta name="author" content="Jane Doe"><meta property="og:site_name" content="Defence Daily"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
                <article><h1>Poland buys K2 tanks</h1>
                <p>Poland has signed a contract with Hyundai Rotem for 180 K2 tanks, the ministry said on Friday.</p>
                <p>The tanks are to be delivered between 2022 and 2025, according to the agreement signed in Warsaw.</p>
                </article>
                <div class="comments"><h3>Comments</h3><form><textarea></textarea><button>Send</button></form></div>
                <footer>All rights reserved. Subscribe to our newsletter.</footer></body></html>""";
        Document doc = cleaner.clean(new RawDocument("x", "file:/x.html", html, true, "UTF-8"));
        assertEquals("Poland buys K2 tanks", doc.title());
        assertEquals("2022-08-27", doc.date());
        assertEquals("Jane Doe", doc.author());
        assertEquals("Defence Daily", doc.site());
        assertTrue(doc.text().contains("180 K2 tanks"));
        assertTrue(doc.text().contains("between 2022 and 2025"));
        assertFalse(doc.text().contains("Share on Facebook"));
        assertFalse(doc.text().contains("Home"));
        assertFalse(doc.text().contains("newsletter"));
        assertEquals(3, doc.paragraphs().size());
    }

    @Test
    void deepNestingDoesNotOverflow() {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<div>".repeat(100_000)).append("<p>Deep text that is a sentence of some length here.</p>");
        html.append("</div>".repeat(100_000)).append("</body></html>");
        Document doc = cleaner.clean(new RawDocument("deep", "file:/deep.html", html.toString(), true, "UTF-8"));
        assertTrue(doc.text().contains("Deep text"));
    }

    @Test
    void articleInsideNoscriptIsRead() {
        // a blog that renders its post from a script template and repeats it in <noscript>
        String html = """
                <html><body><div class="post"><h2>Safe Browsing in Chrome</h2>
                <div class="post-body"><script type="text/template"><p>Template copy.</p></script>
                <noscript><p>Over the past few years we have seen threats on the web becoming increasingly sophisticated.</p>
                <p>Phishing sites rotate domains very quickly to avoid being blocked by the lists we keep.</p></noscript>
                </div></div><noscript><img src="https://pixel.example/p.gif" width="1"></noscript></body></html>""";
        Document doc = cleaner.clean(new RawDocument("n", "file:/n.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("increasingly sophisticated"), doc.text());
        assertTrue(doc.text().contains("rotate domains"), doc.text());
        assertFalse(doc.text().contains("Template copy"));
        assertFalse(doc.text().contains("pixel"));
    }

    @Test
    void shortLinesOfDialogueInsideTheArticleAreKept() {
        String html = """
                <html><body><div id="content"><div class="post"><h1>Die Möglichkeit</h1>
                <p>„Ich weiß ich bin betrunken und sollte das vielleicht nicht sagen…“</p>
                <p>– „Dann sag es nicht“</p><p>– „Ok.“</p></div>
                <div class="comment-respond"><h3>Kommentar verfassen</h3></div></div></body></html>""";
        Document doc = cleaner.clean(new RawDocument("d", "file:/d.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("sollte das vielleicht"), doc.text());
        assertTrue(doc.text().contains("„Ok.“"), doc.text());
        assertFalse(doc.text().contains("Kommentar verfassen"));
    }

    @Test
    void aTableOfContentsInsideTheArticleDoesNotCutItInTwo() {
        StringBuilder toc = new StringBuilder("<div class=\"toc\"><p>Inhalt</p><ul>");
        for (int i = 1; i <= 12; i++) {
            toc.append("<li><a href=\"#s").append(i).append("\">Abschnitt Nummer ").append(i).append(" des Artikels</a></li>");
        }
        toc.append("</ul></div>");
        String html = "<html><body><article><h1>Konsumsparen</h1>"
                + "<p>Das Jahr 2019 stand für mich unter dem Motto Konsumsparen, und ich habe viel darüber gelernt.</p>"
                + "<p>Inzwischen ist auch der letzte Kontoauszug angekommen, und ich kann euch nun sagen, "
                + "wie viel wir in diesem Jahr wirklich ausgegeben haben.</p>"
                + toc
                + "<p>Ich hatte es ja bereits in meinem Zwischenbericht erzählt, dass unser erstes Jahr nicht einfach war.</p>"
                + "<p>Ich werde also weiterhin meinen Konsum einschränken, denn es hat sich für uns beide gelohnt.</p>"
                + "</article></body></html>";
        Document doc = cleaner.clean(new RawDocument("t", "file:/t.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("Das Jahr 2019 stand"), doc.text());
        assertTrue(doc.text().contains("weiterhin meinen Konsum"), doc.text());
        assertFalse(doc.text().contains("Abschnitt Nummer"), doc.text());
    }

    @Test
    void captionsAuthorBoxesAndNewsletterCallsAreDropped() {
        String html = """
                <html><body><article><h1>Tanks for Poland</h1>
                <p>Poland has signed a contract with Hyundai Rotem for 180 K2 tanks, the ministry said on Friday.</p>
                <figure><img src="k2.jpg"><figcaption>A K2 tank during a parade in Seoul last year, photographed by the agency.</figcaption></figure>
                <p>The tanks are to be delivered between 2022 and 2025, according to the agreement signed in Warsaw.</p>
                <p id="newsletter-teaser">Never miss the latest defence news again by signing up to our weekly letter today.</p>
                <div class="author-bio"><p>Jane Doe is a senior writer covering the arms trade. She was previously an editor in Berlin.</p></div>
                </article></body></html>""";
        Document doc = cleaner.clean(new RawDocument("c", "file:/c.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("180 K2 tanks"), doc.text());
        assertTrue(doc.text().contains("between 2022 and 2025"), doc.text());
        assertFalse(doc.text().contains("parade in Seoul"), doc.text());
        assertFalse(doc.text().contains("Never miss"), doc.text());
        assertFalse(doc.text().contains("senior writer"), doc.text());
    }

    @Test
    void anArticleRenderedFromStructuredDataIsReadFromIt() {
        String body = "Taiwanese President Tsai Ing-wen's re-election was no easy feat, and it came after a year "
                + "of defeats. Her party had lost control of around half of the municipalities and counties it held.\n"
                + "She went on to win 8.17 million votes in January, the highest number ever secured by any candidate "
                + "in a presidential election on the island, using political shrewdness.";
        String html = "<html><head><meta property=\"og:title\" content=\"Carrie Lam should study Tsai's playbook\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"articleBody\":\""
                + body.replace("\n", "\\n") + "\"}</script></head><body><div id=\"app\"><h1>Carrie Lam should study "
                + "Tsai's playbook</h1><p>Loading the article…</p></div></body></html>";
        Document doc = cleaner.clean(new RawDocument("s", "file:/s.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("8.17 million votes"), doc.text());
        assertEquals(3, doc.paragraphs().size(), doc.text());
    }

    @Test
    void aHeadingOrLabelThatEndsTheArticleIsLeftOut() {
        String html = """
                <html><body><article><h1>Turkey delivers drones</h1>
                <p class="date">Aktualisiert: 11.04.2020, 10:27</p>
                <p>Turkey has delivered the first Bayraktar TB2 drones to Poland, the ministry in Warsaw said.</p>
                <p>Poland ordered twenty-four of the drones last year in a deal worth about 270 million dollars.</p>
                <h3>Mehr zum Thema</h3>
                <p>Kontakt:</p>
                </article></body></html>""";
        Document doc = cleaner.clean(new RawDocument("h", "file:/h.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("twenty-four of the drones"), doc.text());
        assertFalse(doc.text().contains("Mehr zum Thema"), doc.text());
        assertFalse(doc.text().contains("Kontakt"), doc.text());
        assertFalse(doc.text().contains("Aktualisiert"), doc.text());
    }

    @Test
    void onAPageOfSeveralArticlesTheTitledOneIsKept() {
        String first = "<div class=\"wrap\"><article class=\"entry\"><h1>Poland receives K2 tanks</h1>"
                + "<p>Poland has received the first ten K2 tanks from Hyundai Rotem, the ministry said on Friday.</p></article></div>";
        StringBuilder next = new StringBuilder("<div class=\"wrap\"><article class=\"entry\"><h1>Another story</h1>");
        for (int i = 0; i < 6; i++) {
            next.append("<p>A much longer story loaded below the first one talks about something else entirely, "
                    + "paragraph after paragraph, as infinite scrolling pages do.</p>");
        }
        next.append("</article></div>");
        String html = "<html><head><title>Daily | Poland receives K2 tanks</title></head><body><main>" + first + next
                + "</main></body></html>";
        Document doc = cleaner.clean(new RawDocument("i", "file:/i.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("first ten K2 tanks"), doc.text());
        assertFalse(doc.text().contains("infinite scrolling"), doc.text());
    }

    @Test
    void theLeadInTheHeaderBelongsToTheArticle() {
        String html = """
                <html><head><meta property="og:title" content="Poland receives K2 tanks"></head><body>
                <div class="hero"><header class="article-header"><h1>Poland receives K2 tanks</h1>
                <p class="standfirst">The first ten of 180 tanks ordered from South Korea arrived in Gdynia on Tuesday, weeks ahead of plan.</p>
                <p class="byline">By Jane Doe</p></header></div>
                <div class="layout"><div class="article-body"><p>Poland has received the first ten K2 tanks from Hyundai Rotem, the ministry said on Friday.</p>
                <p>The tanks are to be delivered between 2022 and 2025, according to the agreement signed in Warsaw.</p>
                <p>A second contract for the remaining tanks, to be built in Poland under licence, is still being negotiated.</p>
                <p>Poland is also buying American Abrams tanks and Korean K9 howitzers to replace Soviet-era equipment.</p></div></div>
                <aside><p>Other stories from our newsroom that you might also want to read today, picked for you.</p></aside>
                </body></html>""";
        Document doc = cleaner.clean(new RawDocument("l", "file:/l.html", html, true, "UTF-8"));
        assertTrue(doc.text().contains("arrived in Gdynia"), doc.text());
        assertTrue(doc.text().contains("between 2022 and 2025"), doc.text());
        assertFalse(doc.text().contains("Other stories"), doc.text());
    }

    @Test
    void equalCandidatesAreSettledByPageOrderOnEveryRun() {
        // two containers that score the same: the first in the page is taken, whatever the run
        String html = "<html><body><div><section><p>The first short report says tanks arrived.</p></section></div>"
                + "<div><section><p>The second short report says jets arrived.</p></section></div></body></html>";
        for (int i = 0; i < 30; i++) {
            Document doc = cleaner.clean(new RawDocument("e" + i, "file:/e.html", html, true, "UTF-8"));
            assertTrue(doc.text().contains("tanks arrived"), doc.text());
            assertFalse(doc.text().contains("jets arrived"), doc.text());
        }
    }
}
