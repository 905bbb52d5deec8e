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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
 * The explorer page in a real headless Chromium, driven by Selenium over the demo: clicks a node and
 * reads its panel, expands neighbours, moves the time slider, analyses and checks the highlighted path,
 * runs the Cypher console and the SPARQL box, drives the page by keyboard alone, and measures that no
 * two node labels overlap. Keeps screenshots under {@code target/explorer-screenshots/}. Skips, saying
 * why, where Chromium or its driver is absent.
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

    void open(String fragment) {
        browser.get("about:blank"); // a new fragment alone would not reload the page
        browser.get("http://127.0.0.1:" + server.port() + "/#token=" + token.secret() + "&at=" + AT + fragment);
    }

    WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    WebElement node(String key) {
        return browser.findElement(By.cssSelector("#graph g.node[data-key='" + key + "']"));
    }

    /** Clicks the node's dot, as a person would, and waits for its panel at the current time. */
    void clickNode(String key) {
        node(key).findElement(By.tagName("circle")).click();
        await().until(d -> String.valueOf(d.findElement(By.tagName("body")).getDomAttribute("data-panel")).startsWith(key + "@"));
    }

    int drawnNodes() {
        return Integer.parseInt(browser.findElement(By.id("graph")).getDomAttribute("data-count"));
    }

    static void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path out = Path.of("target", "explorer-screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.copy(shot.toPath(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(out)).isGreaterThan(10_000);
    }

    @Test
    void clickingANodeOpensItsPanelWithPropertiesHealthReasonsAndSignals() throws Exception {
        open("&q=checkoutservice");
        awaitState("drawn");
        await().until(d -> !d.findElements(By.cssSelector("#health li")).isEmpty());
        assertThat(browser.findElement(By.id("health")).getText()).contains("paymentservice");
        assertThat(js("return [...document.querySelectorAll('#graph g.node')].map(g => g.dataset.key);").toString())
                .contains("service/checkoutservice", "service/paymentservice").doesNotContain("k8s/default/Deployment/");
        clickNode("service/paymentservice");
        WebElement panel = browser.findElement(By.id("panel"));
        assertThat(panel.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("panel-title")).getText()).isEqualTo("paymentservice");
        assertThat(browser.findElement(By.id("panel-properties")).getText()).contains("namespace", "default");
        assertThat(browser.findElement(By.id("panel-reasons")).getText()).contains("CrashLoopBackOff");
        assertThat(browser.findElement(By.id("panel-signals")).getText()).contains("KubePodCrashLooping");
        assertThat(browser.findElement(By.id("panel-members")).getText()).contains("Deployment", "Pod");
        assertThat(browser.findElement(By.id("panel-incidents")).getText()).contains("INC-");
        assertThat(browser.findElement(By.id("panel-blast")).getText()).contains("checkoutservice");
        assertThat(node("service/paymentservice").getDomAttribute("class")).contains("status-unhealthy", "selected");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("healthy", "degraded", "unhealthy");
        screenshot("node-panel");
    }

    @Test
    void expandingANodeAddsItsNeighboursAndBlastRadiusMarksItsDependents() throws Exception {
        open("&q=cartservice");
        awaitState("drawn");
        int before = drawnNodes();
        clickNode("service/checkoutservice");
        browser.findElement(By.id("expand")).click();
        await().until(d -> drawnNodes() > before);
        assertThat(js("return [...document.querySelectorAll('#graph g.node')].map(g => g.dataset.key);").toString())
                .contains("service/paymentservice", "service/cartservice");
        browser.findElement(By.id("blast")).click();
        await().until(d -> !d.findElements(By.cssSelector("#graph g.node.blast")).isEmpty());
        assertThat(js("return [...document.querySelectorAll('#graph g.node.blast')].map(g => g.dataset.key);").toString())
                .contains("service/frontend").doesNotContain("service/paymentservice");
        screenshot("expanded");
    }

    @Test
    void theTimeSliderMovesAtAndThePanelFollows() throws Exception {
        open("&q=checkoutservice");
        awaitState("drawn");
        clickNode("service/paymentservice");
        assertThat(browser.findElement(By.id("panel-health")).getText()).doesNotStartWith("100");
        WebElement slider = browser.findElement(By.id("at-slider"));
        slider.sendKeys(Keys.HOME);
        String earlier = "2026-01-15T04:01:00Z";
        await().until(d -> ("service/paymentservice@" + earlier).equals(d.findElement(By.tagName("body")).getDomAttribute("data-panel")));
        await().until(d -> earlier.equals(d.findElement(By.tagName("body")).getDomAttribute("data-time")));
        assertThat(browser.findElement(By.id("at-value")).getText()).isEqualTo(earlier);
        assertThat(browser.findElement(By.id("panel-health")).getText()).startsWith("100");
        assertThat(browser.findElement(By.id("panel-signals")).getText()).contains("No signal");
        assertThat(node("service/paymentservice").getDomAttribute("class")).contains("status-healthy");
        List<String> reads = js("return performance.getEntriesByType('resource').map(r => r.name)"
                + ".filter(n => /explorer\\/(graph|node|health|timeline)/.test(n));");
        assertThat(reads).isNotEmpty().allSatisfy(u -> assertThat(u).containsAnyOf("at=", "to="));
        assertThat(reads).anySatisfy(u -> assertThat(u).contains("at=" + java.net.URLEncoder.encode(earlier, java.nio.charset.StandardCharsets.UTF_8)));
        screenshot("slider-earlier");
    }

    @Test
    void analysingShowsTheCausalChainAndHighlightsItsPath() throws Exception {
        open("&q=frontend");
        awaitState("drawn");
        clickNode("service/frontend");
        browser.findElement(By.id("panel-analyse")).click();
        awaitState("analysed");
        assertThat(browser.findElement(By.id("analysis-summary")).getText()).isNotBlank();
        List<String> chain = browser.findElements(By.cssSelector("#chain li")).stream().map(WebElement::getText).toList();
        assertThat(chain).hasSizeGreaterThanOrEqualTo(2).allSatisfy(sentence -> assertThat(sentence).isNotBlank());
        List<String> causes = js("return [...document.querySelectorAll('#graph g.node.rootcause')].map(g => g.dataset.key);");
        assertThat(causes).hasSize(1);
        assertThat(causes.get(0)).isNotEqualTo("service/frontend");
        String causeName = causes.get(0).substring("service/".length());
        assertThat(chain.get(0)).as("the chain starts at the cause").contains(causeName);
        long pathNodes = js("return document.querySelectorAll('#graph g.node.onpath').length;");
        long pathEdges = js("return document.querySelectorAll('#graph path.edge.onpath').length;");
        assertThat(pathNodes).isGreaterThanOrEqualTo(2);
        assertThat(pathEdges).isGreaterThanOrEqualTo(1);
        await().until(d -> !d.findElements(By.cssSelector("#similar li")).isEmpty());
        screenshot("analysis-path");
        assertThat(browser.findElement(By.id("analysis")).getDomAttribute("data-at")).isEqualTo(AT);
        browser.findElement(By.id("at-slider")).sendKeys(Keys.ARROW_LEFT);
        await().until(d -> "2026-01-15T10:00:00Z".equals(d.findElement(By.id("analysis")).getDomAttribute("data-at")));
        await().until(d -> !d.findElements(By.cssSelector("#graph g.node.rootcause")).isEmpty());
        System.out.println("browser: cause " + causes + ", " + pathNodes + " nodes and " + pathEdges + " edges on the path; chain: "
                + chain);
    }

    @Test
    void theCypherConsoleAndSparqlBoxAnswerAsTableAndGraph() throws Exception {
        open("");
        awaitState("loaded");
        browser.findElement(By.cssSelector("#cypher-form button")).click();
        await().until(d -> "Cypher".equals(d.findElement(By.id("query-results")).getDomAttribute("data-kind")));
        assertThat(browser.findElements(By.cssSelector("#query-rows tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#query-rows thead")).getText()).contains("a", "r", "b");
        assertThat(browser.findElements(By.cssSelector("#query-graph g.node")).size()).isGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#query-graph path.edge"))).isNotEmpty();
        screenshot("cypher");
        browser.findElement(By.cssSelector("#query-graph g.node[data-key] circle")).click();
        awaitState("drawn");
        assertThat(drawnNodes()).isPositive();
        browser.findElement(By.cssSelector("#sparql-form button")).click();
        await().until(d -> "SPARQL".equals(d.findElement(By.id("query-results")).getDomAttribute("data-kind")));
        assertThat(browser.findElement(By.id("query-rows")).getText()).contains("service", "dependency");
        assertThat(browser.findElements(By.cssSelector("#query-graph path.edge"))).isNotEmpty();
    }

    @Test
    void theKeyboardAloneOpensAndClosesANode() throws Exception {
        open("&q=cartservice");
        awaitState("drawn");
        browser.findElement(By.id("search")).click();
        String focused = null;
        for (int i = 0; i < 80 && focused == null; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            focused = js("const a = document.activeElement; return a && a.matches('#graph g.node') ? a.dataset.key : null;");
        }
        assertThat(focused).as("Tab reaches a node of the graph").isNotNull();
        assertThat(browser.switchTo().activeElement().getDomAttribute("aria-label")).contains("health");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        String key = focused;
        await().until(d -> String.valueOf(d.findElement(By.tagName("body")).getDomAttribute("data-panel")).startsWith(key + "@"));
        assertThat(browser.findElement(By.id("panel")).isDisplayed()).isTrue();
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await().until(d -> !d.findElement(By.id("panel")).isDisplayed());
        assertThat((String) js("return document.activeElement.dataset.key;")).isEqualTo(key);
    }

    @Test
    void labelsNeverOverlapAndTheLayoutIsDeterministic() throws Exception {
        open("&q=checkoutservice");
        awaitState("drawn");
        for (String key : List.of("service/checkoutservice", "service/frontend", "service/cartservice")) {
            int before = drawnNodes();
            clickNode(key);
            browser.findElement(By.id("expand")).click();
            await().until(d -> drawnNodes() >= before && !String.valueOf(d.findElement(By.id("status")).getText()).isBlank());
            await().until(d -> String.valueOf(d.findElement(By.id("status")).getText()).startsWith("expanded " + key));
        }
        assertThat(drawnNodes()).isGreaterThanOrEqualTo(8);
        List<String> overlaps = js("""
                const boxes = [...document.querySelectorAll('#graph g.node text.label')].map(t => {
                  const b = t.getBBox(); const m = t.parentNode.transform.baseVal.consolidate().matrix;
                  return {key: t.parentNode.dataset.key, x: b.x + m.e, y: b.y + m.f, w: b.width, h: b.height};
                });
                const out = [];
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i], b = boxes[j];
                  if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(a.key + ' / ' + b.key);
                }
                return out;""");
        assertThat(overlaps).isEmpty();
        String layout = js("return [...document.querySelectorAll('#graph g.node')].map(g => g.dataset.key + g.getAttribute('transform')).sort().join();");
        js("window.taproot.redraw(); return null;");
        assertThat((String) js("return [...document.querySelectorAll('#graph g.node')].map(g => g.dataset.key + g.getAttribute('transform')).sort().join();"))
                .isEqualTo(layout);
        String shuffled = js("""
                const s = window.taproot.state;
                const nodes = [...s.nodes.values()].map(n => ({key: n.key}));
                const edges = [...s.edges.values()];
                const place = (ns, es) => { const p = TaprootLayout.layered(ns, es, k => 40 + k.length * 6).positions;
                  return [...p.keys()].sort().map(k => k + ':' + p.get(k).x + ',' + p.get(k).y).join(); };
                const a = place(nodes, edges), b = place([...nodes].reverse(), [...edges].reverse());
                return a === b ? 'same' : a + ' <> ' + b;""");
        assertThat(shuffled).as("the layout does not depend on the order nodes and edges arrive in").isEqualTo("same");
        screenshot("layered-no-overlap");
    }

    @Test
    void thePageLoadsNothingFromOutsideTaproot() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        awaitState("loaded");
        List<String> resources = js("return performance.getEntriesByType('resource').map(r => r.name);");
        assertThat(resources).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("http://127.0.0.1:" + server.port()));
        boolean drawing = js("return typeof TaprootGraph.render === 'function' && typeof TaprootLayout.layered === 'function';");
        assertThat(drawing).isTrue();
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
