package org.armscope.web;

import org.armscope.Shared;
import org.armscope.TestPipeline;
import org.armscope.ingest.FileSource;
import org.armscope.pipeline.Pipeline;
import org.armscope.store.SqlStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web app in a real headless Chromium (Debian's chromium and chromium-driver). */
class WebBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static Path data;
    private static SqlStore store;
    private static WebServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path seeds = Shared.path("seeds");
        boolean ci = System.getenv("CI") != null;
        Assumptions.assumeTrue(ci || (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them): skipping browser tests");
        data = Files.createTempDirectory("armscope-web");
        Pipeline p = TestPipeline.get();
        store = SqlStore.open(data, p.knowledgeBase());
        new FileSource(List.of(seeds)).forEach(raw -> store.put(p.process(raw)), e -> { });
        server = WebServer.start(store, p, WebServer.Settings.of("127.0.0.1", 0).withAnonymousRead(true).withBcryptCost(4));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("armscope-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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

    private static WebElement await(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void articlePageShowsTheAnkaAgreementWithItsEvidence() throws Exception {
        browser.get(url("/#/doc/000_04abb13b73db44b5"));
        await(By.cssSelector("#facts .fact"));
        WebElement agreement = browser.findElements(By.cssSelector("#facts .fact")).stream()
                .filter(f -> "AGREEMENT".equals(f.getAttribute("data-type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no AGREEMENT fact on the article page"));
        assertTrue(agreement.getText().contains("ANKA") || agreement.getText().contains("Anka"), agreement.getText());
        assertTrue(agreement.getText().contains("Turkish Aerospace Industries"), agreement.getText());
        assertTrue(browser.findElements(By.cssSelector("article .m-WEAPON")).size() >= 2, "weapons highlighted");
        screenshot("article-000");
    }

    @Test
    void arabicArticleIsLaidOutRightToLeft() throws Exception {
        browser.get(url("/#/doc/001_5ef2c9304808d7f0"));
        WebElement article = await(By.cssSelector("article.doc"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "rtl".equals(article.getAttribute("dir")));
        assertEquals("rtl", article.getAttribute("dir"));
        screenshot("article-001-rtl");
    }

    @Test
    void searchInOneScriptFindsBothSeeds() throws Exception {
        browser.get(url("/#/search?q=" + java.net.URLEncoder.encode("كازاخستان", java.nio.charset.StandardCharsets.UTF_8)));
        await(By.cssSelector("#results .hit"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 2);
        screenshot("search");
    }

    @Test
    void factsTableFilters() throws Exception {
        browser.get(url("/#/facts?type=COMPETITION"));
        await(By.cssSelector("#facts-table"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#facts-table tr")).size() > 1);
        for (WebElement row : browser.findElements(By.cssSelector("#facts-table tr")).subList(1,
                browser.findElements(By.cssSelector("#facts-table tr")).size())) {
            assertTrue(row.getText().contains("COMPETITION"), row.getText());
        }
        screenshot("facts");
    }
}
