package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.ingest.metrics.PrometheusSource;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;

class TelemetryRoutesTest {

    private static final String CASE = "cases/nezha-ob/nezha-ob-2022-08-22-0436";
    private static final String WINDOW = "start=2022-08-22T04:36:26Z&end=2022-08-22T04:41:26Z";

    private final HttpClient http = HttpClient.newHttpClient();
    private GraphStore store;
    private TaprootServer server;
    private Taproot taproot;

    @BeforeEach
    void start() throws Exception {
        store = TestStores.embedded();
        store.clear();
        Path tmp = Files.createTempDirectory("taproot-api-test");
        var config = new TaprootConfig(tmp, StoreConfig.embedded(tmp, 0), "127.0.0.1", 0);
        taproot = Taproot.over(config, store);
        server = TaprootServer.start(taproot, "127.0.0.1", 0);
    }

    /** Restarts the server with these Prometheus sources configured. */
    private void withSources(PrometheusSource... sources) {
        server.close();
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, SecurityConfig.openLoopback())
                .withPrometheus(List.of(sources)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, byte[] body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusUploadWritesAnomalySignalsIntoTheStore() throws Exception {
        Path caseDir = SharedData.require(CASE);
        var response = post("/api/v1/ingest/prometheus?" + WINDOW, Files.readAllBytes(caseDir.resolve("signals/metrics.prom.json")),
                "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"signals\"").contains("CPUAnomaly");
        assertThat(store.signals(List.of(), Instant.parse("2022-08-22T04:30:00Z"), Instant.parse("2022-08-22T05:00:00Z")))
                .isNotEmpty().allSatisfy(s -> assertThat(s.source()).isEqualTo("metrics"));
    }

    @Test
    void malformedBodiesAreA400NamingTheProblemAndWriteNothing() throws Exception {
        var response = post("/api/v1/ingest/prometheus", "{\"data\":{\"resultType\":\"vector\",\"result\":[]}}".getBytes(),
                "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("request.prom.json").contains("matrix");
        var proto = post("/api/v1/ingest/otlp/v1/traces", new byte[] {1, 2, 3}, "application/x-protobuf");
        assertThat(proto.statusCode()).isEqualTo(400);
        assertThat(proto.body()).contains("not an OTLP ExportTraceServiceRequest in protobuf");
        assertThat(post("/api/v1/ingest/otlp/v1/traces", "x".getBytes(), "text/plain").statusCode()).isEqualTo(415);
        assertThat(post("/api/v1/ingest/loki", new byte[] {1}, "application/x-protobuf").statusCode()).isEqualTo(415);
        var badWindow = post("/api/v1/ingest/loki?start=yesterday", "{}".getBytes(), "application/json");
        assertThat(badWindow.statusCode()).isEqualTo(400);
        assertThat(badWindow.body()).contains("start");
        assertThat(store.counts().signals()).isZero();
    }

    @Test
    void otlpTracesAnswerWithAPartialSuccessAndWriteCallsEdges() throws Exception {
        Path file = SharedData.require("cases/nezha-tt/nezha-tt-2023-01-29-0843/signals/traces.otlp-traces.json");
        var response = post("/api/v1/ingest/otlp/v1/traces", Files.readAllBytes(file), "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"partialSuccess\"");
        assertThat(store.relationships(List.of("CALLS"), 1000)).isNotEmpty();
    }

    @Test
    void otlpPushesWithoutAWindowLearnTheBaselineKeptAcrossRequestsAndNeverScoreAgainstTheirOwnFirstHalf() throws Exception {
        Path file = SharedData.require("cases/nezha-tt/nezha-tt-2023-01-29-0843/signals/traces.otlp-traces.json");
        var response = post("/api/v1/ingest/otlp/v1/traces", Files.readAllBytes(file), "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"baseline.missing\"");
        assertThat(store.counts().signals()).isZero();
        assertThat(store.relationships(List.of("CALLS"), 1000)).isNotEmpty();
        assertThat(taproot.pushed().store().size()).isPositive();
        taproot.pushed().store().save();
        assertThat(taproot.config().dataDir().resolve(Taproot.PUSH_BASELINE_FILE)).isNotEmptyFile();
    }

    @Test
    void aRepeatedOtlpPushAddsNothingToTheGraphAndAClearedStoreIsWrittenAgain() throws Exception {
        byte[] json = Files.readAllBytes(SharedData.require("cases/nezha-tt/nezha-tt-2023-01-29-0843/signals/traces.otlp-traces.json"));
        assertThat(post("/api/v1/ingest/otlp/v1/traces", json, "application/json").statusCode()).isEqualTo(200);
        var calls = store.relationships(List.of("CALLS"), 10_000);
        long entities = store.counts().entities();

        assertThat(post("/api/v1/ingest/otlp/v1/traces", json, "application/json").statusCode()).isEqualTo(200);
        taproot.pushedWrites().flush();
        assertThat(store.relationships(List.of("CALLS"), 10_000)).containsExactlyInAnyOrderElementsOf(calls);
        assertThat(store.counts().entities()).isEqualTo(entities);

        store.clear();
        assertThat(post("/api/v1/ingest/otlp/v1/traces", json, "application/json").statusCode()).isEqualTo(200);
        assertThat(store.relationships(List.of("CALLS"), 10_000)).hasSameSizeAs(calls);
    }

    @Test
    void otlpProtobufGzipGivesTheSameGraphAsTheSameSpansInJson() throws Exception {
        byte[] json = Files.readAllBytes(SharedData.require("cases/nezha-tt/nezha-tt-2023-01-29-0843/signals/traces.otlp-traces.json"));
        var asJson = post("/api/v1/ingest/otlp/v1/traces", json, "application/json");
        assertThat(asJson.statusCode()).isEqualTo(200);
        var jsonCounts = store.counts();
        var jsonCalls = store.relationships(List.of("CALLS"), 10_000).size();
        store.clear();

        byte[] protobuf = OtlpJsonToProtobuf.traces(json);
        var gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(protobuf);
        }
        var asProtobuf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/ingest/otlp/v1/traces"))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(asProtobuf.statusCode()).isEqualTo(200);
        assertThat(asProtobuf.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-protobuf");
        io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.parseFrom(asProtobuf.body());
        assertThat(store.counts().signals()).isEqualTo(jsonCounts.signals());
        assertThat(store.relationships(List.of("CALLS"), 10_000)).hasSize(jsonCalls).isNotEmpty();

        var bomb = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(bomb)) {
            out.write(new byte[60 * 1024 * 1024]);
        }
        var tooBig = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/ingest/otlp/v1/traces"))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bomb.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
    }

    @Test
    void livePullQueriesPrometheusAndAnalysesTheAnswer() throws Exception {
        byte[] recorded = Files.readAllBytes(SharedData.require(CASE).resolve("signals/metrics.prom.json"));
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query_range", exchange -> {
            asked.set(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, recorded.length);
            exchange.getResponseBody().write(recorded);
            exchange.close();
        });
        prometheus.start();
        withSources(PrometheusSource.of("main", URI.create("http://127.0.0.1:" + prometheus.getAddress().getPort()), Map.of()));
        try {
            String body = """
                    {"source":"main","queries":{"pods":"{__name__=~\\".+\\"}"},
                     "start":"2022-08-22T04:36:26Z","end":"2022-08-22T04:41:26Z","step":60}""";
            var response = post("/api/v1/ingest/prometheus/pull", body.getBytes(), "application/json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("CPUAnomaly");
            assertThat(asked.get()).contains("query={__name__").contains("step=60s").contains("end=1661143286");
        } finally {
            prometheus.stop(0);
        }
    }

    @Test
    void anUnreachablePrometheusIsA502() throws Exception {
        withSources(PrometheusSource.of("down", URI.create("http://127.0.0.1:1"), Map.of("up", "up")));
        var response = post("/api/v1/ingest/prometheus/pull", "{\"source\":\"down\"}".getBytes(), "application/json");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("up.prom.json");
    }
}
