package dev.taproot.api.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.RankingSettings;

/**
 * A deploy that creates a version pair declared to break becomes the leading cause, with the pair as its
 * evidence, in the diagnosis served over REST; without the declaration the same failure is blamed elsewhere.
 */
class KnownBadPairDiagnosisTest {

    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    GraphStore store;

    @BeforeEach
    void shop() throws Exception {
        store = TestStores.emptyEmbedded();
        new ShopScenario(store).calls()
                .deploy("fx", "1.3.9", "1.4.2", T.minusSeconds(86_400))
                .deploy("till", "2.2", "2.3", T.plusSeconds(60))
                .deploy("cart", "1.4", "1.5", T.plusSeconds(120))
                .errors(List.of("till", "cart", "web"), List.of(T.plusSeconds(180), T.plusSeconds(240), T.plusSeconds(300)));
    }

    /** The diagnosis as JSON, and as the text ChatOps shows. */
    record Answer(JsonNode json, String text) {
    }

    Answer diagnose(Path compat) throws Exception {
        var config = new TaprootConfig(dir, StoreConfig.embedded(dir, 0), "127.0.0.1", 0).withCompatibilityFile(compat);
        try (var taproot = Taproot.over(config, store);
             var server = TaprootServer.start(taproot, "127.0.0.1", 0)) {
            return new Answer(JSON.readTree(post(server, "")), post(server, "?format=text"));
        }
    }

    private String post(TaprootServer server, String query) throws Exception {
        {
            var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/analyses" + query))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"symptom": {"entities": ["web"]}, "window": {"start": "%s", "end": "%s"}}
                            """.formatted(T.minusSeconds(900), T.plusSeconds(900)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return answer.body();
        }
    }

    static List<String> facts(JsonNode evidence) {
        var out = new ArrayList<String>();
        if ("FACT".equals(evidence.path("kind").asText())) {
            out.add(evidence.path("sentence").asText());
        }
        evidence.path("details").forEach(d -> out.addAll(facts(d)));
        return out;
    }

    @Test
    void withoutTheDeclarationTheEarlierDeployIsBlamed() throws Exception {
        JsonNode top = diagnose(null).json().path("candidates").get(0);
        assertThat(top.path("name").asText()).isEqualTo("till");
        assertThat(facts(top.path("evidence"))).isEmpty();
    }

    @Test
    void aDeployCreatingADeclaredKnownBadPairIsTheLeadingCauseWithThePairAsEvidence() throws Exception {
        Path compat = Files.writeString(dir.resolve("compat.yaml"), """
                compatibility:
                  - component: cart
                    version: "1.5"
                    breaksWith: {component: fx, version: "1.4*"}
                    note: cart 1.5 asks fx for its v2 rates
                """);
        Answer answer = diagnose(compat);
        JsonNode top = answer.json().path("candidates").get(0);
        assertThat(top.path("name").asText()).isEqualTo("cart");
        String fact = "cart 1.5 was deployed at 2026-03-02 10:02 UTC; 1.5 is known to break with fx 1.4.2 (fx 1.4*),"
                + " which it calls (declared in compat.yaml: cart 1.5 asks fx for its v2 rates).";
        assertThat(facts(top.path("evidence"))).containsExactly(fact);
        assertThat(answer.json().path("candidates").findValuesAsText("name")).contains("till");
        // in the text chat shows, the fact comes before the rules' causal steps
        String text = answer.text();
        assertThat(text).contains("     - " + fact);
        assertThat(text.indexOf(fact)).isLessThan(text.indexOf("cart was deployed (Deploy cart) shortly before ErrorRate."));
    }

    @Test
    void aFailingFactSourceIsARuleFailureAndTheAnalysisGoesOn() {
        var engine = new RootCauseEngine(store, RulePack::builtIn, Vocabulary.standard(), RankingSettings.defaults(),
                (topology, changes) -> {
                    throw new IllegalStateException("compatibility store unreachable");
                });
        Analysis a = engine.analyze(new AnalysisRequest(List.of("web"), null, null, T.minusSeconds(900), T.plusSeconds(900),
                3, Set.of(), 10));
        assertThat(a.top().name()).isEqualTo("till");
        assertThat(a.ruleFailures()).extracting(Analysis.RuleFailure::ruleId, Analysis.RuleFailure::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("source.change-facts", "compatibility store unreachable"));
    }
}
