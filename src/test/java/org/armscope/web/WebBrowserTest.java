package org.armscope.web;

import com.sun.net.httpserver.HttpServer;
import org.armscope.Shared;
import org.armscope.TestPipeline;
import org.armscope.ingest.FileSource;
import org.armscope.model.Fact;
import org.armscope.model.Modality;
import org.armscope.model.RawDocument;
import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.armscope.store.Store;
import org.armscope.team.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app in a real headless Chromium (Debian's chromium and chromium-driver), against a real
 * server, store and pipeline: reading, then the team's flows in order — comment limits, complaints,
 * an error report made by selecting text and pressing Ctrl+Enter, moderation and review, and a
 * subscription whose webhook and feed receive a new article. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String SEED_RU = "000_04abb13b73db44b5";
    static final String SEED_AR = "001_5ef2c9304808d7f0";
    static final String PASSWORD = "correct horse battery";
    private static Path data;
    private static SqlStore store;
    private static Pipeline pipeline;
    private static WebServer server;
    private static WebDriver browser;
    private static HttpServer receiver;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger answers = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        Path seeds = Shared.path("seeds");
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them): skipping browser tests");
        data = Files.createTempDirectory("armscope-web");
        pipeline = TestPipeline.get();
        store = SqlStore.open(data, pipeline.knowledgeBase());
        new FileSource(List.of(seeds)).forEach(raw -> store.put(pipeline.process(raw)), e -> { });
        store.flush();
        server = WebServer.start(store, pipeline, WebServer.Settings.of("127.0.0.1", 0).withAnonymousRead(true)
                .withBcryptCost(4).withAlerts(Duration.ofHours(1), Duration.ofMillis(100), 4));
        server.team().createUser("ana", PASSWORD, Role.ANALYST);
        server.team().createUser("mo", PASSWORD, Role.MODERATOR);
        server.team().createUser("ada", PASSWORD, Role.ADMIN);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "signature", String.valueOf(ex.getRequestHeaders().getFirst("X-Armscope-Signature")),
                    "timestamp", String.valueOf(ex.getRequestHeaders().getFirst("X-Armscope-Timestamp"))));
            int code = answers.getAndIncrement() == 0 ? 503 : 204; // the first attempt fails: the retry must deliver
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        receiver.start();
        browser = startBrowser();
    }

    static WebDriver startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("armscope-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (server != null) {
            server.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static WebElement await(By by) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits that look again when the page re-rendered under them. */
    static WebDriverWait waiting() {
        WebDriverWait w = new WebDriverWait(browser, Duration.ofSeconds(15));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    /** Loads a page of the app afresh (a hash change alone would leave the previous page in place for a moment). */
    static void go(String path) {
        browser.get("about:blank");
        browser.get(url(path));
    }

    static void awaitText(By by, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static void signIn(String name) {
        go("/#/login");
        await(By.id("login-name")).sendKeys(name);
        browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        awaitText(By.id("account"), name + " (");
    }

    static void signOut() {
        if (!browser.findElements(By.id("sign-out")).isEmpty()) {
            browser.findElement(By.id("sign-out")).click();
            await(By.id("sign-in-link"));
        }
    }

    static void openArticle(String id) {
        go("/#/doc/" + id);
        await(By.cssSelector("#facts .fact"));
    }

    /** Puts text into a text area as a user's paste would, bypassing the keyboard (control characters cannot be typed). */
    static void setValue(WebElement area, String text) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", area, text);
    }

    @Test
    @Order(1)
    void searchInOneScriptFindsBothSeedsWithHighlights() throws Exception {
        go("/#/search?q=" + URLEncoder.encode("كازاخستان", StandardCharsets.UTF_8));
        waiting().until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 2);
        List<WebElement> marks = browser.findElements(By.cssSelector("#results mark"));
        assertTrue(marks.stream().anyMatch(m -> m.getText().startsWith("Казахстан")), "the Russian hit marks Казахстан");
        assertTrue(marks.stream().anyMatch(m -> m.getText().contains("كازاخستان")), "the Arabic hit marks كازاخستان");
        screenshot("search");
    }

    @Test
    @Order(2)
    void searchFiltersByModalityAndDate() {
        go("/#/search?q=Bayraktar&modality=possible");
        await(By.id("search-filters"));
        waiting().until(d -> d.findElements(By.cssSelector("#results .hit")).size() >= 1);
        go("/#/search?q=Bayraktar&from=2031");
        waiting().until(d -> d.findElement(By.cssSelector("main p.muted")).getText().startsWith("0 documents"));
    }

    @Test
    @Order(3)
    void articlePageShowsTheAnkaAgreementWithItsEvidence() throws Exception {
        openArticle(SEED_RU);
        WebElement agreement = browser.findElements(By.cssSelector("#facts .fact")).stream()
                .filter(f -> "AGREEMENT".equals(f.getAttribute("data-type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no AGREEMENT fact on the article page"));
        assertTrue(agreement.getText().contains("ANKA") || agreement.getText().contains("Anka"), agreement.getText());
        assertTrue(agreement.getText().contains("Turkish Aerospace Industries"), agreement.getText());
        assertTrue(browser.findElements(By.cssSelector("article .m-WEAPON")).size() >= 2, "weapons highlighted");
        String link = browser.findElement(By.cssSelector(".share .permalink")).getAttribute("value");
        assertEquals(url("/#/doc/" + SEED_RU), link);
        assertTrue(browser.findElement(By.cssSelector(".share a.telegram")).getAttribute("href")
                .startsWith("https://t.me/share/url?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8)));
        screenshot("article-000");
    }

    @Test
    @Order(4)
    void arabicArticleIsLaidOutRightToLeft() throws Exception {
        go("/#/doc/" + SEED_AR);
        waiting().until(d -> "rtl".equals(d.findElement(By.cssSelector("article.doc")).getAttribute("dir")));
        assertEquals("rtl", js("return getComputedStyle(document.querySelector('article.doc')).direction"));
        screenshot("article-001-rtl");
    }

    @Test
    @Order(5)
    void factsTableFilters() throws Exception {
        go("/#/facts?type=COMPETITION");
        await(By.cssSelector("#facts-table"));
        waiting().until(d -> d.findElements(By.cssSelector("#facts-table tr")).size() > 1);
        List<WebElement> rows = browser.findElements(By.cssSelector("#facts-table tr"));
        for (WebElement row : rows.subList(1, rows.size())) {
            assertTrue(row.getText().contains("COMPETITION"), row.getText());
        }
        screenshot("facts");
    }

    @Test
    @Order(6)
    void entityPageShowsNamesInEveryScriptTimelineAndRelated() throws Exception {
        go("/#/entity/COUNTRY:KZ");
        await(By.id("entity-names"));
        String names = browser.findElement(By.id("entity-names")).getText();
        assertTrue(names.contains("Казахстан") && names.contains("كازاخستان") && names.contains("Kazakhstan"), names);
        assertFalse(browser.findElements(By.cssSelector("#entity-timeline .fact")).isEmpty(), "facts over time");
        assertFalse(browser.findElements(By.cssSelector("#related a")).isEmpty(), "related entities");
        screenshot("entity-kz");
    }

    @Test
    @Order(7)
    void graphAndTimelineDraw() throws Exception {
        go("/#/graph");
        await(By.cssSelector("#graph canvas"));
        Number nodes = (Number) waiting()
                .until(d -> js("return window.armscopeGraph ? window.armscopeGraph.nodes().length : null"));
        assertTrue(nodes.intValue() >= 2, "countries drawn: " + nodes);
        Number edges = (Number) js("return window.armscopeGraph.edges().filter(e => e.data('source') === 'TR' && e.data('target') === 'KZ').length");
        assertTrue(edges.intValue() >= 1, "Turkey → Kazakhstan drawn");
        screenshot("graph");
        go("/#/timeline");
        await(By.cssSelector("#timeline-table tr td"));
        await(By.cssSelector(".chart-box canvas"));
        screenshot("timeline");
    }

    @Test
    @Order(10)
    void commentsAreLimitedTo2000CharactersAndRefuseInvalidCharacters() throws Exception {
        signIn("ana");
        openArticle(SEED_RU);
        WebElement body = await(By.id("comment-body"));
        setValue(body, "я".repeat(2001));
        awaitText(By.id("comment-counter"), "-1 characters left");
        browser.findElement(By.id("comment-submit")).click();
        awaitText(By.id("comment-error"), "at most 2,000");
        assertEquals("0", browser.findElement(By.id("comment-count")).getText(), "nothing stored");

        setValue(body, "looks fine \u0007 but rings a bell");
        browser.findElement(By.id("comment-submit")).click();
        awaitText(By.id("comment-error"), "the text contains invalid characters");
        setValue(body, "name spoof \u202Egpj.exe");
        browser.findElement(By.id("comment-submit")).click();
        awaitText(By.id("comment-error"), "the text contains invalid characters");
        assertEquals("0", browser.findElement(By.id("comment-count")).getText(), "nothing stored");

        setValue(body, "я".repeat(2000));
        awaitText(By.id("comment-counter"), "0 characters left");
        browser.findElement(By.id("comment-submit")).click();
        awaitText(By.id("comment-count"), "1");
        setValue(browser.findElement(By.id("comment-body")), "Buy cheap drones at example.com!!!");
        browser.findElement(By.id("comment-submit")).click();
        awaitText(By.id("comment-count"), "2");
        screenshot("comments");
    }

    @Test
    @Order(11)
    void aComplaintTakesOneToThreeReasons() throws Exception {
        openArticle(SEED_RU);
        await(By.cssSelector("#comment-list .comment"));
        List<WebElement> complain = browser.findElements(By.cssSelector("#comment-list .comment button.complain"));
        complain.get(complain.size() - 1).click();
        List<WebElement> boxes = await(By.id("complaint-form")).findElements(By.cssSelector("input[name=reason]"));
        assertEquals(8, boxes.size());
        for (int i : new int[] {1, 4, 6, 7}) {
            boxes.get(i).click();
        }
        browser.findElement(By.id("complaint-submit")).click();
        awaitText(By.id("complaint-error"), "at most 3 reasons");
        boxes.get(6).click();
        boxes.get(7).click();
        screenshot("complaint");
        browser.findElement(By.id("complaint-submit")).click();
        awaitText(By.id("complaint-status"), "sent to the moderators");
    }

    @Test
    @Order(12)
    void selectingTextAndPressingCtrlEnterReportsAnError() throws Exception {
        openArticle(SEED_RU);
        Map<?, ?> target = (Map<?, ?>) js("""
                const f = [...document.querySelectorAll('#facts .fact')].find(x => x.dataset.type === 'PRODUCTION');
                return {fact: f.dataset.fact};""");
        String factId = (String) target.get("fact");
        Fact before = store.facts(Store.FactFilter.ofDoc(SEED_RU)).stream().filter(f -> f.factId().equals(factId)).findFirst().orElseThrow();
        assertTrue(before.modality() != Modality.DENIED);
        // select the first word of the first paragraph, as a mouse would
        js("""
                const p = document.querySelector('#doc-text p');
                const t = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.trim().length > 8) || p.firstChild.firstChild || p.firstChild;
                const r = document.createRange();
                r.setStart(t, 0); r.setEnd(t, Math.min(9, t.textContent.length));
                const s = getSelection(); s.removeAllRanges(); s.addRange(r);""");
        String selected = (String) js("return getSelection().toString()");
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        WebElement form = await(By.id("report-form"));
        assertEquals(selected.strip(), browser.findElement(By.id("report-selection")).getText().strip());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("report-fact"))).selectByValue(factId);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("report-action"))).selectByValue("modality");
        new org.openqa.selenium.support.ui.Select(await(By.id("report-modality"))).selectByValue("denied");
        screenshot("error-report");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText(By.id("report-status"), "sent to the reviewers");
        var reports = server.team().reports("open");
        assertEquals(1, reports.size());
        var r = reports.get(0);
        String text = store.document(SEED_RU).orElseThrow().text();
        assertEquals(selected, text.substring(r.start(), r.end()), "the report keeps the exact selection and its offsets");
        assertEquals(selected, r.selection());
        signOut();
    }

    @Test
    @Order(13)
    void moderatorHidesTheCommentAndAcceptsTheReport() throws Exception {
        signIn("mo");
        go("/#/moderation");
        await(By.cssSelector("#moderation-queue .comment"));
        WebElement item = browser.findElement(By.cssSelector("#moderation-queue .comment"));
        assertTrue(item.getText().contains("trolling or provocation ×1") || item.getText().contains("advertising ×1"), item.getText());
        screenshot("moderation");
        item.findElement(By.cssSelector("button.hide")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("#moderation-queue button.restore")).isEmpty());
        await(By.cssSelector("#report-queue .comment button.accept")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#report-queue .comment")).isEmpty());

        var denied = store.facts(new Store.FactFilter(SEED_RU, "PRODUCTION", null, "denied", null, 100));
        assertFalse(denied.isEmpty(), "the accepted correction changed the stored fact");
        String factId = denied.get(0).factId();
        // it survives re-extraction of the document …
        Path seed = Shared.path("seeds");
        new FileSource(List.of(seed)).forEach(raw -> {
            if (raw.id().equals(SEED_RU)) {
                store.put(pipeline.process(raw), true);
            }
        }, e -> { });
        assertTrue(store.facts(Store.FactFilter.ofDoc(SEED_RU)).stream().anyMatch(f -> f.factId().equals(factId) && f.modality() == Modality.DENIED),
                "the correction survives re-ingest");
        // … and shows in the JSON Lines export
        // (what './armscope facts --format jsonl' writes)
        List<String> lines = store.facts(Store.FactFilter.all()).stream().map(org.armscope.facts.FactJson::toLine).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains(factId) && l.contains("\"modality\":\"denied\"")), "exported corrected");
        signOut();
        signIn("ana");
        openArticle(SEED_RU);
        awaitText(By.id("comment-count"), "1");
        signOut();
    }

    @Test
    @Order(14)
    void subscriptionDeliversSignedWebhooksWithRetryAndAFeed() throws Exception {
        signIn("ana");
        go("/#/search?q=Bayraktar");
        await(By.cssSelector("#results .hit"));
        browser.findElement(By.cssSelector("button.subscribe")).click();
        WebElement form = await(By.cssSelector("form.subscribe-form"));
        form.findElement(By.name("webhook")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement feed = await(By.cssSelector("a.feed-link"));
        String status = feed.findElement(By.xpath("..")).getText();
        String secret = status.substring(status.indexOf("(shown once): ") + "(shown once): ".length()).strip();

        String text = "Турция передаст Казахстану ещё 12 беспилотников Bayraktar TB2 до конца 2027 года.";
        store.put(pipeline.process(new RawDocument("new_bayraktar", "test", "Новые Bayraktar для Казахстана\n\n" + text, false, "UTF-8")));
        store.flush();
        for (int i = 0; i < 30 && received.size() < 2; i++) {
            server.runAlerts();
            Thread.sleep(150);
        }
        assertEquals(2, received.size(), "one failed attempt, one retry that was delivered");
        Map<String, String> last = received.get(1);
        assertTrue(last.get("body").contains("new_bayraktar"), last.get("body"));
        assertEquals("sha256=" + Alerts.sign(secret, last.get("timestamp") + "." + last.get("body")), last.get("signature"),
                "signed with the subscription's secret");

        go("/#/subscriptions");
        await(By.cssSelector(".subscription .deliveries td"));
        String log = browser.findElement(By.cssSelector(".subscription .deliveries")).getText();
        assertTrue(log.contains("new_bayraktar") && log.contains("delivered") && log.contains("2"), log);
        screenshot("subscriptions");
        String feedUrl = browser.findElement(By.cssSelector(".subscription a.feed-link")).getAttribute("href");
        browser.get(feedUrl);
        assertTrue(browser.getPageSource().contains("Новые Bayraktar для Казахстана"), "the feed lists the new article");
        signOut();
    }

    @Test
    @Order(15)
    void aWrongEntityLinkIsReportedFromTheSelectionAndCorrected() throws Exception {
        signIn("ana");
        openArticle(SEED_RU);
        // the first highlighted country name: select exactly its text and report it as another entity
        Map<?, ?> m = (Map<?, ?>) js("""
                const a = document.querySelector('#doc-text a.m-COUNTRY');
                const r = document.createRange(); r.selectNodeContents(a);
                const s = getSelection(); s.removeAllRanges(); s.addRange(r);
                return {text: a.textContent, entity: a.dataset.entity};""");
        String surface = (String) m.get("text");
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
        await(By.id("report-form"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("report-fact"))).selectByValue("");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("report-action"))).selectByValue("entity");
        await(By.id("report-entity")).sendKeys("COUNTRY:AZ");
        browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        awaitText(By.id("report-status"), "sent to the reviewers");
        signOut();
        signIn("mo");
        go("/#/moderation");
        await(By.cssSelector("#report-queue .comment button.accept")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#report-queue .comment")).isEmpty());
        signOut();
        openArticle(SEED_RU);
        String relinked = (String) js("""
                const a = [...document.querySelectorAll('#doc-text a.m')].find(x => x.textContent === arguments[0]);
                return a ? a.dataset.entity : null;""", surface);
        assertEquals("COUNTRY:AZ", relinked, "the mention '" + surface + "' now links to the corrected entity");
        assertTrue(store.mentions(SEED_RU).stream().anyMatch(x -> x.text().equals(surface) && x.entity().id().equals("COUNTRY:AZ")),
                "the stored entity link changed");
    }

    @Test
    @Order(16)
    void anAdminCreatesAnAccountAndAViewerCannotComment() throws Exception {
        signIn("ada");
        go("/#/admin");
        await(By.id("new-user-name")).sendKeys("vic");
        browser.findElement(By.id("new-user-password")).sendKeys(PASSWORD);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("new-user-role"))).selectByValue("viewer");
        browser.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        awaitText(By.id("users"), "vic");
        screenshot("accounts");
        signOut();
        signIn("vic");
        openArticle(SEED_RU);
        assertTrue(browser.findElements(By.id("comment-body")).isEmpty(), "no comment form for a viewer");
        assertTrue(browser.findElements(By.id("report-button")).isEmpty(), "no error reports for a viewer");
        assertTrue(browser.findElement(By.cssSelector(".needs-moderator")).getAttribute("hidden") != null, "no moderation link");
        signOut();
    }
}
