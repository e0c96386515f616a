package org.armscope.web;

import org.armscope.model.RawDocument;
import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.armscope.team.Role;
import org.armscope.team.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An XSS probe set in a real browser: each payload tries to run {@code alert(n)}. They are put in
 * comments, in an article's HTML (raw and escaped, so that the cleaned text carries them), in search
 * queries and in analysts' knowledge-base names, and every page that shows them is opened. A hook
 * installed before any page script records every alert; none may fire, and no element the payloads
 * could create (script, iframe, object, embed, event-handler attributes, javascript: links) may appear.
 */
class WebXssTest {
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "<svg onload=alert(3)>",
            "<svg><script>alert(4)</script></svg>",
            "\"><script>alert(5)</script>",
            "'><img src=x onerror=alert(6)>",
            "<iframe src=\"javascript:alert(7)\"></iframe>",
            "<a href=\"javascript:alert(8)\">click</a>",
            "<body onload=alert(9)>",
            "<input autofocus onfocus=alert(10)>",
            "<details open ontoggle=alert(11)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>",
            "<object data=\"javascript:alert(13)\"></object>",
            "<embed src=\"javascript:alert(14)\">",
            "<video><source onerror=alert(15)></video>",
            "<audio src=x onerror=alert(16)>",
            "<marquee onstart=alert(17)>x</marquee>",
            "<div style=\"background:url(javascript:alert(18))\">x</div>",
            "{{constructor.constructor('alert(19)')()}}",
            "${alert(20)}",
            "javascript:alert(21)",
            "<scr<script>ipt>alert(22)</script>",
            "&lt;script&gt;alert(23)&lt;/script&gt;",
            "<img src=\"x\" onerror=\"&#97;lert(24)\">",
            "<svg/onload=alert(25)>",
            "<form><button formaction=javascript:alert(26)>x</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(27)\">",
            "<base href=\"javascript:alert(28)//\">",
            "<link rel=import href=\"data:text/html,<script>alert(29)</script>\">",
            "\" onmouseover=\"alert(30)\" x=\"",
            "</textarea><script>alert(31)</script>",
            "</title><script>alert(32)</script>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(33)>\">",
            "<template><img src=x onerror=alert(34)></template>",
            "<img src=x onerror=alert`35`>",
            "<x onclick=alert(36)>click me</x>");

    private static SqlStore store;
    private static WebServer server;
    private static ChromeDriver browser;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || (Files.isExecutable(WebBrowserTest.CHROMIUM) && Files.isExecutable(WebBrowserTest.DRIVER)),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them): skipping browser tests");
        data = Files.createTempDirectory("armscope-xss");
        // analysts' knowledge-base additions with hostile names (the kb file format: kind, name, country, category, aliases)
        StringBuilder kb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            kb.append("ORG\tHostile Org ").append(i).append(' ').append(PAYLOADS.get(i).replace('\t', ' ')).append("\tTR\t\t\n");
        }
        Path kbFile = data.resolve("kb").resolve("additions.tsv");
        Files.createDirectories(kbFile.getParent());
        Files.writeString(kbFile, kb);
        Pipeline pipeline = Pipeline.standard(kbFile);
        store = SqlStore.open(data, pipeline.knowledgeBase());
        StringBuilder html = new StringBuilder("<html><head><title>Hostile " + PAYLOADS.get(0) + "</title></head><body><article><h1>Kazakhstan buys drones "
                + PAYLOADS.get(1) + "</h1>");
        for (String p : PAYLOADS) {
            html.append("<p>Turkey will supply Bayraktar TB2 drones to Kazakhstan, officials said ").append(p)
                    .append(" and the text goes on long enough to be kept as the article's paragraph. Escaped: ")
                    .append(p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</p>\n");
        }
        html.append("<p>Hostile Org 1 ").append(PAYLOADS.get(1)).append(" signed a contract with Kazakhstan.</p></article></body></html>");
        store.put(pipeline.process(new RawDocument("hostile", "https://example.org/hostile", html.toString(), true, "UTF-8")));
        store.flush();
        server = WebServer.start(store, pipeline, WebServer.Settings.of("127.0.0.1", 0).withAnonymousRead(true).withBcryptCost(4));
        User ana = server.team().createUser("ana", "correct horse battery", Role.ANALYST);
        User mo = server.team().createUser("mo", "correct horse battery", Role.MODERATOR);
        for (String p : PAYLOADS) {
            var c = server.team().addComment(ana, "doc", "hostile", "hostile", p);
            server.team().complain(mo, c.id(), List.of("trolling"), null);
        }
        browser = (ChromeDriver) WebBrowserTest.startBrowser();
        // every new page gets the probe before its own scripts: alert/confirm/prompt are recorded, not shown
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__xss = []; window.alert = m => window.__xss.push(String(m)); window.confirm = window.alert; window.prompt = window.alert;"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static void open(String path, By ready) {
        browser.get("about:blank");
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(ready));
    }

    /** What the page shows of script execution and injected markup. */
    @SuppressWarnings("unchecked")
    private static List<String> findings() {
        Object r = ((JavascriptExecutor) browser).executeScript("""
                // hover and click everything a payload could have turned into a trigger
                document.querySelectorAll('main *').forEach(e => {
                  e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
                });
                const out = [...(window.__xss || [])].map(m => 'alert ' + m);
                const scripts = [...document.scripts].filter(s => !['/vendor/cytoscape/dist/cytoscape.min.js',
                    '/vendor/chart.js/dist/chart.umd.min.js', '/app.js'].includes(new URL(s.src || 'x:', location.href).pathname));
                scripts.forEach(s => out.push('script element ' + s.outerHTML.slice(0, 80)));
                document.querySelectorAll('iframe, object, embed, base, meta[http-equiv], link[rel=import], video, audio, svg:not(.chart)')
                  .forEach(e => out.push('element ' + e.outerHTML.slice(0, 80)));
                document.querySelectorAll('*').forEach(e => {
                  for (const a of e.attributes) {
                    if (a.name.startsWith('on')) out.push('handler ' + a.name + ' on ' + e.tagName);
                    if ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction')
                        && a.value.trim().toLowerCase().startsWith('javascript:')) out.push('javascript: URL on ' + e.tagName);
                  }
                });
                return out;""");
        return new ArrayList<>((List<String>) r);
    }

    private static void assertClean(String where) {
        List<String> f = findings();
        assertTrue(f.isEmpty(), where + ": " + f);
    }

    @Test
    void noPayloadRunsAnywhere() throws Exception {
        open("/#/doc/hostile", By.cssSelector("#comment-list .comment"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("<img src=x onerror=alert(2)>"), "the escaped payload is shown as text");
        assertTrue(browser.findElements(By.cssSelector("#comment-list .comment")).size() >= PAYLOADS.size(), "every hostile comment is listed");
        assertTrue(page.contains("<script>alert(1)</script>"), "a hostile comment is shown as text");
        assertClean("article page with hostile HTML and comments");

        open("/#/search?q=Kazakhstan", By.cssSelector("#results .hit"));
        assertClean("search results over the hostile article");
        int queries = 0;
        for (String p : PAYLOADS) {
            open("/#/search?q=" + URLEncoder.encode(p, StandardCharsets.UTF_8), By.cssSelector("main h2"));
            queries++;
            assertClean("search for " + p);
        }
        assertEquals(PAYLOADS.size(), queries);

        for (int i = 0; i < 8; i++) {
            String id = "ORG:Hostile Org " + i + " " + PAYLOADS.get(i);
            open("/#/entity/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), By.id("entity-names"));
            assertTrue(browser.findElement(By.cssSelector("main h2")).getText().contains(PAYLOADS.get(i)), "the hostile name is shown as text");
            assertClean("entity page " + id);
        }

        server.team().createUser("mod2", "correct horse battery", Role.MODERATOR);
        browser.get(url("/#/login"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("login-name"))).sendKeys("mod2");
        browser.findElement(By.id("login-password")).sendKeys("correct horse battery");
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "mod2"));
        open("/#/moderation", By.cssSelector("#moderation-queue .comment"));
        assertTrue(browser.findElements(By.cssSelector("#moderation-queue .comment")).size() >= PAYLOADS.size());
        assertClean("moderation queue of hostile comments");
        open("/#/facts", By.cssSelector("#facts-table"));
        assertClean("facts table");
    }
}
