package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;

class IngestRoutesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private GraphStore store;
    private TaprootServer server;

    @BeforeEach
    void start(@TempDir Path data) {
        store = TestStores.emptyEmbedded();
        var config = TaprootConfig.from(data, 0, 0, Map.of());
        server = TaprootServer.start(Taproot.over(config, store), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void manifestsThenAlertsGoInAndAreCounted() throws Exception {
        byte[] manifests = Files.readAllBytes(SharedData.require("k8s-online-boutique/release/kubernetes-manifests.yaml"));
        HttpResponse<String> r = post("/api/v1/ingest/kubernetes", manifests);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("accepted").path("Deployment").asInt()).isPositive();
        assertThat(body.path("entities").asInt()).isEqualTo((int) store.counts().entities());

        byte[] webhook = Files.readAllBytes(SharedData.require("alertmanager-webhook/prometheus-msteams/prom_post_request.json"));
        HttpResponse<String> a = post("/api/v1/ingest/alertmanager", webhook);
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(json.readTree(a.body()).path("signals").asInt()).isEqualTo(1);
        assertThat(store.counts().signals()).isEqualTo(1);
    }

    @Test
    void malformedYamlIsA400NamingTheDocumentAndNothingIsStored() throws Exception {
        String yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: [\n";
        HttpResponse<String> r = post("/api/v1/ingest/kubernetes", yaml.getBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("detail").asText()).contains("document 2").contains("line");
        assertThat(problem.path("location").asText()).startsWith("document 2");
        assertThat(store.counts().entities()).isZero();
        // the server keeps serving
        assertThat(post("/api/v1/ingest/alertmanager", "{\"alerts\": [}".getBytes()).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/ingest/edges", "source,target\na,b\n".getBytes()).statusCode()).isEqualTo(200);
    }

    @Test
    void rdfGoesInAndTheGraphComesOutAsTurtleAndJsonLd() throws Exception {
        String ttl = """
                @prefix tp: <https://taproot.dev/ns#> .
                @prefix ex: <https://cmdb.example.com/ci/> .
                ex:orders a tp:Service ; tp:name "orders" ; tp:CALLS ex:payments .
                ex:payments a tp:Service ; tp:name "payments" .
                """;
        HttpResponse<String> in = post("/api/v1/ingest/rdf", ttl.getBytes());
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(json.readTree(in.body()).path("relationships").asInt()).isEqualTo(1);

        var turtle = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/export?format=turtle")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(turtle.statusCode()).isEqualTo(200);
        assertThat(turtle.body()).contains("tp:CALLS").contains("\"payments\"");
        var jsonld = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/export?format=jsonld&key=service/orders&depth=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(jsonld.statusCode()).isEqualTo(200);
        assertThat(json.readTree(jsonld.body())).isNotNull();
        assertThat(jsonld.body()).contains("payments");
        var bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/export?format=csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        assertThat(post("/api/v1/ingest/alertmanager", new byte[0]).statusCode()).isEqualTo(400);
    }
}
