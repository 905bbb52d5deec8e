package dev.taproot.api.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
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

/**
 * A confirmed change-caused incident teaches Taproot the version pairs the change made; a week later the same
 * pair, made again, is the evidence that names the cause of a new failure. Everything goes through REST.
 */
class LearnedPairTest {

    static final Instant FIRST = Instant.parse("2026-04-07T14:00:00Z");
    static final Instant SECOND = FIRST.plus(Duration.ofDays(7));
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    GraphStore store;
    Taproot taproot;
    TaprootServer server;

    @BeforeEach
    void twoFailures() throws Exception {
        store = TestStores.emptyEmbedded();
        new ShopScenario(store).calls()
                .deploy("till", "2.1", "2.2", FIRST.minus(Duration.ofDays(2)))
                .deploy("fx", null, "1.4.2", FIRST.minus(Duration.ofDays(1)))
                // the first failure: cart 1.5 next to fx 1.4.2, rolled back after 40 minutes
                .deploy("cart", "1.4", "1.5", FIRST.plusSeconds(120))
                .errors(List.of("cart", "web"), List.of(FIRST.plusSeconds(240), FIRST.plusSeconds(300)))
                .deploy("cart", "1.5", "1.4", FIRST.plus(Duration.ofMinutes(40)))
                // a week later: till and cart deploy within a minute, then errors
                .deploy("till", "2.2", "2.3", SECOND.plusSeconds(60))
                .deploy("cart", "1.4", "1.5", SECOND.plusSeconds(120))
                .errors(List.of("till", "cart", "web"), List.of(SECOND.plusSeconds(180), SECOND.plusSeconds(240), SECOND.plusSeconds(300)));
        taproot = Taproot.over(new TaprootConfig(dir, StoreConfig.embedded(dir, 0), "127.0.0.1", 0), store);
        server = TaprootServer.start(taproot, "127.0.0.1", 0);
        var imported = send("POST", "/api/v1/import/incidents", """
                {"id": "INC-7", "title": "Checkout errors after the cart release", "started": "%s", "resolved": "%s", \
                "services": ["cart", "web"], "root_cause": {"entity": "cart", "fault_type": "Deploy"}, \
                "resolution": "Rolled cart back to 1.4"}
                """.formatted(FIRST.plusSeconds(240), FIRST.plus(Duration.ofMinutes(45))), "application/x-ndjson");
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
    }

    @AfterEach
    void stop() {
        server.close();
        taproot.close();
    }

    HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        request = body == null ? request.GET()
                : request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", type);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode secondFailure() throws Exception {
        var answer = send("POST", "/api/v1/analyses", """
                {"symptom": {"entities": ["web"]}, "window": {"start": "%s", "end": "%s"}}
                """.formatted(SECOND.minusSeconds(900), SECOND.plusSeconds(900)), "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("candidates").get(0);
    }

    JsonNode learned() throws Exception {
        var drift = send("GET", "/api/v1/drift", null, null);
        assertThat(drift.statusCode()).isEqualTo(200);
        return JSON.readTree(drift.body()).path("compatibility");
    }

    @Test
    void aPairLearnedFromAConfirmedChangeCausedIncidentNamesTheCauseOfTheNextFailure() throws Exception {
        assertThat(secondFailure().path("name").asText()).as("nothing learned yet: the earlier deploy leads").isEqualTo("till");
        assertThat(learned()).isEmpty();

        var feedback = send("POST", "/api/v1/feedback", """
                {"incident": "INC-7", "cause": "cart", "correct": true}""", "application/json");
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(201);

        JsonNode pairs = learned();
        assertThat(pairs).extracting(p -> p.path("component").asText() + " " + p.path("version").asText() + " / "
                        + p.path("with").asText() + " " + p.path("withVersion").asText() + " / " + p.path("origin").asText())
                .containsExactlyInAnyOrder("cart 1.5 / fx 1.4.2 / learned from incident INC-7",
                        "cart 1.5 / till 2.2 / learned from incident INC-7");
        assertThat(store.entities(LearnedPairs.TYPE, 10)).as("kept in the graph").hasSize(2);

        JsonNode top = secondFailure();
        assertThat(top.path("name").asText()).isEqualTo("cart");
        assertThat(KnownBadPairDiagnosisTest.facts(top.path("evidence"))).containsExactly("cart 1.5 was deployed at"
                + " 2026-04-14 14:02 UTC; 1.5 is known to break with fx 1.4.2, which it calls (learned from incident INC-7:"
                + " confirmed as the cause by open-access).");
    }

    @Test
    void aConfirmedCauseThatWasNotAChangeTeachesNothing() throws Exception {
        var feedback = send("POST", "/api/v1/feedback", """
                {"incident": "INC-7", "cause": "cart", "fault_type": "OOMKilled", "correct": true}""", "application/json");
        assertThat(feedback.statusCode()).isEqualTo(201);
        var rejected = send("POST", "/api/v1/feedback", """
                {"incident": "INC-7", "cause": "cart", "correct": false}""", "application/json");
        assertThat(rejected.statusCode()).isEqualTo(201);
        assertThat(learned()).isEmpty();
        assertThat(secondFailure().path("name").asText()).isEqualTo("till");
    }
}
