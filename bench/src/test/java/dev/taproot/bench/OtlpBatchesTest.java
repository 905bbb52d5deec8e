package dev.taproot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.StoreConfig;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;

class OtlpBatchesTest {

    private static final long NOW = 1_780_000_000_000L * 1_000_000L;

    private static Path home;
    private static Taproot taproot;
    private static TaprootServer server;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("taproot-otlp-batches-test");
        taproot = Taproot.over(TaprootConfig.from(home, 0, 0, Map.of()), GraphStores.open(StoreConfig.embedded(home.resolve("graph"), 0)));
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, SecurityConfig.openLoopback()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        taproot.close();
        GraphBench.deleteTree(home);
    }

    @Test
    void traceBatchHasTheAskedSpansOverTheServicesWithEveryParentInTheBatch() {
        ExportTraceServiceRequest request = new OtlpBatches(20, 1).traces(1024, NOW);

        Set<ByteString> ids = new HashSet<>();
        Set<ByteString> parents = new HashSet<>();
        request.getResourceSpansList().forEach(rs -> rs.getScopeSpansList().forEach(ss -> ss.getSpansList().forEach(s -> {
            ids.add(s.getSpanId());
            if (!s.getParentSpanId().isEmpty()) {
                parents.add(s.getParentSpanId());
            }
            assertThat(s.getEndTimeUnixNano()).isGreaterThan(s.getStartTimeUnixNano());
        })));
        assertThat(ids).hasSize(1024);
        assertThat(ids).containsAll(parents);
        assertThat(parents).isNotEmpty();
        assertThat(request.getResourceSpansCount()).isEqualTo(20);
        assertThat(request.getResourceSpansList()).flatMap(rs -> rs.getScopeSpansList().getFirst().getSpansList())
                .extracting(Span::getKind).contains(Span.SpanKind.SPAN_KIND_SERVER, Span.SpanKind.SPAN_KIND_CLIENT);
    }

    @Test
    void receiverAcceptsEveryGzipTraceSpanAndLogRecord() throws Exception {
        var batches = new OtlpBatches(20, 2);
        var traces = post("traces", OtlpBatches.gzip(batches.traces(512, NOW).toByteArray()));
        var logs = post("logs", OtlpBatches.gzip(batches.logs(512, NOW).toByteArray()));

        assertThat(traces.statusCode()).isEqualTo(200);
        assertThat(ExportTraceServiceResponse.parseFrom(traces.body()).getPartialSuccess().getRejectedSpans()).isZero();
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(ExportLogsServiceResponse.parseFrom(logs.body()).getPartialSuccess().getRejectedLogRecords()).isZero();
        assertThat(taproot.pushed().store().size()).isPositive();
    }

    private static HttpResponse<byte[]> post(String signal, byte[] gzipped) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                + "/api/v1/ingest/otlp/v1/" + signal))
                        .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
