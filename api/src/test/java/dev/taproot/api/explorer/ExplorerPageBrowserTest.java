package dev.taproot.api.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.graph.testing.TestStores;

/**
 * The explorer page in a real headless Chromium, driven by Selenium: load the demo, search
 * {@code cartservice}, open an analysis, and check what is drawn. Keeps a screenshot under
 * {@code target/browser/}. Skips, saying why, where Chromium or its driver is absent.
 */
class ExplorerPageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String AT = "2026-01-15T10:01:00Z";

    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;
    static SecurityConfig.Issued token;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: Chromium or chromedriver is not installed (apt-get install -y chromium chromium-driver; .ci/run does it)");
        taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        token = SecurityConfig.none().issue("browser", Role.READ);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, token.config()));
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T js(String script) {
        return (T) ((JavascriptExecutor) browser).executeScript(script);
    }

    void awaitState(String wanted) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> wanted.equals(
                d.findElement(By.tagName("body")).getDomAttribute("data-state")));
    }

    @Test
    void searchCartserviceDrawItsNeighbourhoodAndAnalyseIt() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + token.secret() + "&at=" + AT);
        awaitState("loaded");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("#health li")).isEmpty());
        assertThat(browser.findElement(By.id("health")).getText()).contains("paymentservice");

        browser.findElement(By.id("search")).sendKeys("cartservice");
        browser.findElement(By.cssSelector("#search-form button")).click();
        awaitState("drawn");
        List<String> nodes = js("return window.taproot.cy.nodes().map(n => n.id());");
        assertThat(nodes).contains("service/cartservice", "service/redis-cart", "service/checkoutservice");
        long edges = js("return window.taproot.cy.edges().length;");
        assertThat(edges).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("results")).getText()).contains("cartservice");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#timeline li")).isEmpty());

        browser.findElement(By.id("analyse")).click();
        awaitState("analysed");
        assertThat(browser.findElement(By.id("analysis-summary")).getText()).isNotBlank();
        long causes = browser.findElements(By.cssSelector("#analysis .cause")).size();
        long highlighted = js("return window.taproot.cy.$('node.rootcause').length;");
        if (causes > 0) {
            assertThat(highlighted).isEqualTo(1);
            assertThat(browser.findElement(By.cssSelector("#analysis .cause .evidence")).getText()).isNotBlank();
        } else {
            assertThat(highlighted).isZero();
        }
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#similar li")).isEmpty());

        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "browser", "explorer-cartservice-analysis.png");
        Files.createDirectories(out.getParent());
        Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(out)).isGreaterThan(10_000);
        System.out.println("browser: " + nodes.size() + " entities drawn, " + causes + " causes, " + highlighted
                + " highlighted; screenshot " + out.toAbsolutePath());
    }

    @Test
    void thePageLoadsNothingFromOutsideTaproot() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        awaitState("loaded");
        List<String> resources = js("return performance.getEntriesByType('resource').map(r => r.name);");
        assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("http://127.0.0.1:" + server.port()));
        boolean cytoscape = js("return typeof cytoscape === 'function';");
        assertThat(cytoscape).isTrue();
    }

    @Test
    void thePageAndTheApiDocsRunUnderTheContentSecurityPolicyWithoutViolations() {
        browser.manage().logs().get("browser");
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + token.secret() + "&at=" + AT);
        awaitState("loaded");
        browser.findElement(By.id("search")).sendKeys("cartservice");
        browser.findElement(By.cssSelector("#search-form button")).click();
        awaitState("drawn");
        assertThat(cspViolations()).isEmpty();
        browser.get("http://127.0.0.1:" + server.port() + "/docs/index.html");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        browser.findElement(By.cssSelector(".opblock-summary")).click();
        assertThat(cspViolations()).isEmpty();
    }

    static List<String> cspViolations() {
        return browser.manage().logs().get("browser").getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Content Security Policy")).toList();
    }
}
