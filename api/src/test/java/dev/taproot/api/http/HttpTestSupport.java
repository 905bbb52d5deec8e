package dev.taproot.api.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.graph.testing.TestStores;

/** A real server on a free loopback port over the shared embedded store, emptied, with a fresh data dir. */
final class HttpTestSupport implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    final Taproot taproot;
    final TaprootServer server;
    final HttpClient client = HttpClient.newHttpClient();

    HttpTestSupport(Path dataDir) {
        var config = new TaprootConfig(dataDir, StoreConfig.embedded(dataDir, 0), "127.0.0.1", 0);
        taproot = Taproot.over(config, TestStores.emptyEmbedded());
        server = TaprootServer.start(taproot, "127.0.0.1", 0);
    }

    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-ndjson").build());
    }

    Answer postJson(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        return new Answer(r.statusCode(), body);
    }

    @Override
    public void close() {
        server.close();
        taproot.close();
    }
}
