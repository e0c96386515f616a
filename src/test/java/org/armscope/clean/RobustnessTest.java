package org.armscope.clean;

import org.armscope.model.Document;
import org.armscope.model.RawDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile or broken pages give a result or a clear error in bounded time, never a stack overflow. */
class RobustnessTest {
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private static final String PARA = "<p>The ministry said the contract for the armoured vehicles was signed on Friday in the capital.</p>\n";

    @Test
    void malformedMarkup() {
        String html = "<html><body><div><p>Unclosed paragraph about the frigate deal that was signed by the navy"
                + "<div class=x <p>broken attribute</div></div></div></span></table>" + PARA.repeat(3)
                + "<p>Another <b>bold <i>nested</b> text</i> here, long enough to be prose for sure.</body>";
        Document d = cleaner.clean(new RawDocument("m", "file:/m.html", html, true, "UTF-8"));
        assertTrue(d.text().contains("armoured vehicles"));
    }

    @Test
    void fiftyMegabytePage() {
        StringBuilder html = new StringBuilder(52_000_000).append("<html><body><article>");
        while (html.length() < 50_000_000) {
            html.append(PARA);
        }
        html.append("</article></body></html>");
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> cleaner.clean(new RawDocument("big", "file:/big.html", html.toString(), true, "UTF-8")));
        assertTrue(d.text().length() > 1_000_000);
    }

    @Test
    void deepNestingOfChromeLookingWrappers() {
        String html = "<html><body>" + "<div class='nav-wrapper'>".repeat(50_000) + PARA.repeat(5)
                + "</div>".repeat(50_000) + "</body></html>";
        // 50,000 nested wrappers whose class looks like navigation: a result, in bounded time, no overflow
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cleaner.clean(new RawDocument("deep", "file:/deep.html", html, true, "UTF-8")));
        assertTrue(d.text().length() < html.length());
    }

    @Test
    void thousandsOfLookAlikeArticlesUnderDeepNesting() {
        // an infinite-scroll page gone wrong: 3,000 headlined articles of one shape, 20,000 levels down
        StringBuilder html = new StringBuilder("<html><head><title>Site | Story 7</title></head><body>");
        html.append("<div>".repeat(20_000));
        for (int i = 0; i < 3_000; i++) {
            html.append("<article class='entry'><h1>Story ").append(i).append("</h1>").append(PARA).append("</article>");
        }
        html.append("</div>".repeat(20_000)).append("</body></html>");
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cleaner.clean(new RawDocument("scroll", "file:/scroll.html", html.toString(), true, "UTF-8")));
        assertTrue(d.text().contains("Story 7"), d.text().substring(0, Math.min(200, d.text().length())));
    }

    @Test
    void emptyAndTextlessPages() {
        Document d = cleaner.clean(new RawDocument("e", "file:/e.html", "<html><body><div></div></body></html>", true, "UTF-8"));
        assertTrue(d.text().isEmpty());
    }
}
