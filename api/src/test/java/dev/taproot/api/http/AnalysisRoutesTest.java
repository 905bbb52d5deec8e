package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;

class AnalysisRoutesTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private GraphStore store;
    private TaprootServer server;

    @BeforeEach
    void start(@TempDir Path data) {
        store = TestStores.emptyEmbedded();
        store.write(new GraphBatch(
                List.of(Entity.of("service/web", "Service", "web"), Entity.of("service/db-api", "Service", "db-api")),
                List.of(Relationship.of("CALLS", "service/web", "service/db-api")),
                List.of(signal("1", "CPUAnomaly", "service/db-api", 60, 25), signal("2", "LatencyAnomaly", "service/db-api", 90, 12),
                        signal("3", "LatencyAnomaly", "service/web", 120, 15)),
                List.of()));
        server = TaprootServer.start(Taproot.over(TaprootConfig.from(data, 0, 0, Map.of()), store), "127.0.0.1", 0);
    }

    static Signal signal(String id, String type, String entity, int second, double score) {
        Instant s = T0.plusSeconds(second);
        return new Signal("test/" + id, type, entity, type, Severity.WARNING, s, s.plusSeconds(300),
                Map.of("score", score, "direction", "up"), "test");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/analyses" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnalysisRanksTheCalleeWithItsEvidenceAsJson() throws Exception {
        var r = post("""
                {"symptom": {"entities": ["web"], "text": "web is slow"},
                 "window": {"start": "2024-05-01T10:00:00Z", "end": "2024-05-01T10:15:00Z"}, "depth": 2}""", "");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("candidates").get(0).path("entityKey").asText()).isEqualTo("service/db-api");
        assertThat(body.path("candidates").get(0).path("evidence").path("details").isArray()).isTrue();
        assertThat(body.path("symptoms").get(0).path("entityKey").asText()).isEqualTo("service/web");
        assertThat(body.path("symptomsInferred").asBoolean()).isFalse();
        assertThat(body.path("windowStart").asText()).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void theTextFormatIsTheChatOpsRendering() throws Exception {
        var r = post("{\"symptom\": {\"entities\": [\"web\"]}, \"window\": {\"start\": \"2024-05-01T10:00:00Z\","
                + " \"end\": \"2024-05-01T10:15:00Z\"}}", "?format=text");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("db-api").contains("candidates:");
    }

    @Test
    void badRequestsAreRejectedWithTheirProblem() throws Exception {
        assertThat(post("{not json", "").statusCode()).isEqualTo(400);
        var badTime = post("{\"window\": {\"start\": \"yesterday\"}}", "");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("window.start");
        var unknown = post("{\"symptom\": {\"entities\": [\"nope\"]}, \"window\": {\"start\": \"2024-05-01T10:00:00Z\","
                + " \"end\": \"2024-05-01T10:15:00Z\"}}", "");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nope");
        var rule = post("{\"rules\": [\"no.such-rule\"], \"window\": {\"start\": \"2024-05-01T10:00:00Z\","
                + " \"end\": \"2024-05-01T10:15:00Z\"}}", "");
        assertThat(rule.statusCode()).isEqualTo(400);
        assertThat(rule.body()).contains("no.such-rule");
        var reversed = post("{\"window\": {\"start\": \"2024-05-01T10:15:00Z\", \"end\": \"2024-05-01T10:00:00Z\"}}", "");
        assertThat(reversed.statusCode()).isEqualTo(400);
    }
}
