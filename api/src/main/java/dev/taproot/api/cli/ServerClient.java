package dev.taproot.api.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Option;

/**
 * {@code --server URL} and {@code --token TOKEN} (or {@code TAPROOT_SERVER} and {@code TAPROOT_TOKEN}):
 * a command asks a running Taproot over its REST API instead of opening the data directory, so it
 * neither waits for the embedded store to start nor fails on the lock that {@code serve} holds. The
 * server computes the answer, so it is the same answer as every other surface gives.
 */
public final class ServerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:TAPROOT_SERVER}",
            description = "Ask a running Taproot at this URL instead of opening the data directory (default: $TAPROOT_SERVER).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TAPROOT_TOKEN}",
            description = "Bearer token for --server (default: $TAPROOT_TOKEN).")
    String token;

    private HttpClient http;

    /** Whether a server was named. */
    public boolean remote() {
        return server != null && !server.isBlank();
    }

    /** GET {@code path} with the query parameters (repeated names allowed), answered as JSON. */
    JsonNode get(String path, List<Map.Entry<String, String>> params) {
        var query = new StringBuilder();
        for (var p : params) {
            query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return json(send(request(path + query).GET()));
    }

    /** POST a JSON body; the answer as text. */
    String post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the server's answer is not JSON: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String base = server.replaceAll("/+$", "");
        var b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (token != null && !token.isBlank()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private String send(HttpRequest.Builder request) {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the Taproot server at " + server + ": "
                    + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + server, e);
        }
        if (r.statusCode() >= 400) {
            String detail = r.body();
            try {
                JsonNode problem = JSON.readTree(r.body());
                detail = problem.path("detail").asText(detail);
            } catch (IOException | RuntimeException ignored) {
                // not a problem document: show the body as it is
            }
            throw new IllegalStateException("the server at " + server + " answered " + r.statusCode() + ": " + detail);
        }
        return r.body();
    }
}
