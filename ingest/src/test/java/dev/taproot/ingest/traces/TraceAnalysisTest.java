package dev.taproot.ingest.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryRequest;

class TraceAnalysisTest {

    private final TelemetryAnalyzer analyzer = new TelemetryAnalyzer();

    @Test
    void realOtlpTracesYieldCallsEdgesWithRequestCountsAndLatency() throws Exception {
        var file = SharedData.require("cases/nezha-tt/nezha-tt-2023-01-29-0843/signals/traces.otlp-traces.json");
        var writer = new GraphWriter();
        var report = analyzer.analyze(TelemetryRequest.of(IngestInput.of(file, Instant.now())),
                TelemetryEntities.Graph.NONE, writer);
        List<Relationship> calls = writer.batch().relationships();
        assertThat(calls).isNotEmpty().allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("CALLS");
            assertThat(r.fromKey()).startsWith("service/ts-");
            assertThat(r.toKey()).startsWith("service/ts-").isNotEqualTo(r.fromKey());
            assertThat(((Number) r.properties().get("requests")).longValue()).isPositive();
            assertThat(r.properties()).containsKeys("latencyP50Ms", "latencyP99Ms", "errors");
        });
        assertThat(calls).anySatisfy(r -> assertThat(r.fromKey()).isEqualTo("service/ts-gateway-service"));
        assertThat(report.count("spans")).isEqualTo(725);
    }

    private static String span(String trace, String id, String parent, long startMs, long durMs, String extra) {
        return """
                {"traceId":"%s","spanId":"%s","parentSpanId":"%s","name":"op","kind":%s,
                 "startTimeUnixNano":"%d","endTimeUnixNano":"%d"%s}""".formatted(trace, id, parent,
                parent.isEmpty() ? 2 : 3, startMs * 1_000_000, (startMs + durMs) * 1_000_000, extra);
    }

    private static String export(List<String> frontend, List<String> cart) {
        return """
                {"resourceSpans":[
                 {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},
                  "scopeSpans":[{"spans":[%s]}]},
                 {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cartservice"}},
                   {"key":"k8s.pod.name","value":{"stringValue":"cartservice-5d8f7c9b6d-x7k2p"}}]},
                  "scopeSpans":[{"spans":[%s]}]}]}""".formatted(String.join(",", frontend), String.join(",", cart));
    }

    @Test
    void deadlineExceededSpansBecomeErrorSpansAndLatencyAnomaliesOnTheCalleeAndEdge() throws Exception {
        var fe = new ArrayList<String>();
        var cart = new ArrayList<String>();
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < 120; i++) {
            long t = t0 + i * 5_000L;
            boolean bad = i >= 80;
            String trace = String.format("%032x", i + 1);
            fe.add(span(trace, String.format("%016x", 2 * i + 1), "", t, bad ? 900 : 60, ""));
            String status = bad && i % 2 == 0
                    ? ",\"status\":{\"code\":2},\"attributes\":[{\"key\":\"rpc.grpc.status_code\",\"value\":{\"intValue\":\"4\"}}]"
                    : "";
            cart.add(span(trace, String.format("%016x", 2 * i + 2), String.format("%016x", 2 * i + 1), t + 5,
                    bad ? 880 : 40, status));
        }
        var input = IngestInput.of("calls.otlp-traces.json", export(fe, cart));
        var window = new AnalysisWindow(Instant.ofEpochMilli(t0 + 70 * 5_000L), Instant.ofEpochMilli(t0 + 120 * 5_000L));
        var writer = new GraphWriter();
        analyzer.analyze(new TelemetryRequest(List.of(input), List.of(), window), TelemetryEntities.Graph.NONE, writer);
        List<Signal> signals = writer.batch().signals();
        assertThat(signals).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("ErrorSpan");
            assertThat(s.entityKey()).isEqualTo("service/cartservice");
            assertThat(s.attributes()).containsEntry("status", "DEADLINE_EXCEEDED").containsEntry("count", 20L)
                    .containsEntry("pod", "cartservice-5d8f7c9b6d-x7k2p");
        });
        assertThat(signals).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("LatencyAnomaly");
            assertThat(s.entityKey()).isEqualTo("service/cartservice");
            assertThat(s.start()).isBetween(Instant.ofEpochMilli(t0 + 75 * 5_000L), Instant.ofEpochMilli(t0 + 81 * 5_000L));
        });
        assertThat(signals).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("LatencyAnomaly");
            assertThat(s.entityKey()).isEqualTo("service/frontend");
            assertThat(s.attributes()).containsEntry("peer", "service/cartservice");
        });
        assertThat(signals).noneSatisfy(s -> assertThat(s.start()).isBefore(window.start()));
        assertThat(writer.batch().relationships()).singleElement().satisfies(r -> {
            assertThat(r.fromKey()).isEqualTo("service/frontend");
            assertThat(r.toKey()).isEqualTo("service/cartservice");
            assertThat(r.properties()).containsEntry("requests", 120L).containsEntry("errors", 20L);
        });
    }

    @Test
    void jaegerSpansWithTheErrorTagAreReadWithTheirParents() throws Exception {
        var file = SharedData.require("jaeger-fixtures/cmd/anonymizer/app/uiconv/fixtures/trace_success.json");
        SpanSet set = new JaegerParser().parse(IngestInput.of(file, Instant.now()));
        assertThat(set.spans()).hasSize(2);
        assertThat(set.spans().get(1).parentSpanId()).isEqualTo(set.spans().get(0).spanId());
        assertThat(set.spans().get(1).status()).isEqualTo("ERROR");
        assertThat(set.spans().get(1).kind()).isEqualTo("client");
        var api = SharedData.require("jaeger-fixtures/cmd/jaeger/internal/extension/jaegerquery/internal/fixture/otlp2jaeger-out.json");
        assertThat(new JaegerParser().parse(IngestInput.of(api, Instant.now())).spans())
                .allSatisfy(s -> assertThat(s.service()).isEqualTo("telemetrygen"));
    }

    @Test
    void otlpExampleAndMalformedInputs() throws Exception {
        var file = SharedData.require("otlp-json-examples/examples/trace.json");
        SpanSet set = new OtlpTraceParser().parse(IngestInput.of(file, Instant.now()));
        assertThat(set.spans()).singleElement().satisfies(s -> {
            assertThat(s.service()).isEqualTo("my.service");
            assertThat(s.kind()).isEqualTo("server");
            assertThat(s.durationMillis()).isEqualTo(1000.0);
        });
        assertThatThrownBy(() -> new OtlpTraceParser().parse(IngestInput.of("x.otlp-traces.json", "{\"spans\":[]}")))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("x.otlp-traces.json")
                .hasMessageContaining("resourceSpans");
        SpanSet bad = new OtlpTraceParser().parse(IngestInput.of("y.otlp-traces.json", """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},
                  "scopeSpans":[{"spans":[{"traceId":"01","spanId":"02","startTimeUnixNano":"5","endTimeUnixNano":"1"}]}]}]}"""));
        assertThat(bad.rejected()).singleElement().satisfies(r ->
                assertThat(r.location()).isEqualTo("resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano"));
    }
}
