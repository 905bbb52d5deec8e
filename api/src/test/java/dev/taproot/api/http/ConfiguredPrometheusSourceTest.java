package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.testing.TestStores;

/** A source written in taproot.yaml reaches the pull endpoint: its URL, its token from a file, its query sets. */
class ConfiguredPrometheusSourceTest {

    @TempDir
    Path dir;

    @Test
    void aSourceFromTheFileIsPulledWithItsTokenAndItsQuerySets() throws Exception {
        var authorizations = new CopyOnWriteArrayList<String>();
        var queries = new CopyOnWriteArrayList<String>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String raw = exchange.getRequestURI().getRawQuery() != null ? exchange.getRequestURI().getRawQuery()
                    : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            queries.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            byte[] empty = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, empty.length);
            exchange.getResponseBody().write(empty);
            exchange.close();
        });
        prometheus.start();
        Path token = dir.resolve("prometheus-token");
        Files.writeString(token, "prom-secret-token\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, """
                store: {dataDir: data}
                http: {port: 0}
                sources:
                  prometheus:
                    - name: prod
                      url: http://127.0.0.1:%d
                      auth: {bearerTokenFile: prometheus-token}
                      querySets: [kube-state-metrics]
                """.formatted(prometheus.getAddress().getPort()));
        var config = ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE).orThrow();
        try (var server = TaprootServer.start(Taproot.over(config, TestStores.embedded()), SecurityConfig.openLoopback())) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/ingest/prometheus/pull"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"prod\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        } finally {
            prometheus.stop(0);
        }
        assertThat(authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("Bearer prom-secret-token"));
        assertThat(String.join("\n", queries)).contains("kube_pod_container_status_restarts_total")
                .contains("kube_deployment_status_replicas_unavailable");
        assertThat(queries).hasSize(List.copyOf(config.prometheus().getFirst().queries().values()).size());
    }
}
