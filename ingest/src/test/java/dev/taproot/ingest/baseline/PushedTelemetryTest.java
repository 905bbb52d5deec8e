package dev.taproot.ingest.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.detect.Evidence;
import dev.taproot.ingest.detect.TelemetryConfig;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.traces.Span;

/**
 * Pushes of a web -> orders service pair, one a minute: the first ones only teach the baseline, a later
 * push where orders slows down and fails is scored against them (also after the store was saved and
 * reopened), and a lone push whose second half is faulty never uses its first half as baseline.
 */
class PushedTelemetryTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    /** One minute of traffic from {@code at}: 20 requests, web calling orders, orders taking {@code ms}. */
    private static List<Span> minute(Instant at, int n, double ms, boolean failing) {
        var spans = new ArrayList<Span>();
        for (int i = 0; i < n; i++) {
            long start = at.plusMillis(i * 60_000L / n).toEpochMilli() * 1_000_000;
            long child = (long) (ms * 1_000_000);
            String trace = Long.toHexString(start) + i;
            spans.add(new Span(trace, "a", null, "web", null, "GET /", "server", start, start + child + 5_000_000,
                    null, null, null));
            spans.add(new Span(trace, "b", "a", "orders", null, "POST /orders", "server", start + 1_000_000,
                    start + 1_000_000 + child, failing ? "ERROR" : null, failing ? "timeout" : null, null));
        }
        return spans;
    }

    private static double jitter(int i) {
        return 20 + 3 * Math.sin(i * 1.7);
    }

    private static TelemetryReport push(PushedTelemetry pushed, List<Span> spans, GraphWriter out) {
        return pushed.analyze(new Evidence(List.of(), spans, List.of()), TelemetryEntities.Graph.NONE, out);
    }

    @Test
    void aPushNamesEveryServiceItSawAndItsCallsEdgesButWritesNoSignalOfItsOwnFirstHalf() {
        var pushed = new PushedTelemetry(TelemetryConfig.DEFAULTS, PushBaselineStore.inMemory(100, 240));
        var spans = new ArrayList<>(minute(T0, 20, 20, false));
        long start = T0.toEpochMilli() * 1_000_000;
        spans.add(new Span("lone", "z", null, "batch-job", null, "run", "server", start, start + 5_000_000, null, null, null));
        var out = new GraphWriter();

        push(pushed, spans, out);

        assertThat(out.batch().entities()).extracting(e -> e.key())
                .contains(EntityKeys.service("web"), EntityKeys.service("orders"), EntityKeys.service("batch-job"));
        assertThat(out.batch().relationships()).singleElement().satisfies(r -> {
            assertThat(r.fromKey()).isEqualTo(EntityKeys.service("web"));
            assertThat(r.toKey()).isEqualTo(EntityKeys.service("orders"));
        });
        assertThat(out.batch().signals()).isEmpty();
    }

    @Test
    void earlyPushesTeachTheBaselineAndAFaultyPushIsScoredAgainstThemAlsoAfterARestart() {
        Path file = dir.resolve("otlp-baseline.bin");
        var pushed = new PushedTelemetry(TelemetryConfig.DEFAULTS, PushBaselineStore.open(file, 100, 240));
        for (int m = 0; m < 10; m++) {
            var out = new GraphWriter();
            TelemetryReport r = push(pushed, minute(T0.plusSeconds(60L * m), 20, jitter(m), false), out);
            assertThat(out.batch().signals()).as("push %d", m).isEmpty();
            assertThat(out.batch().relationships()).anyMatch(rel -> rel.type().equals(RelationshipTypes.CALLS));
            if (m == 0) {
                assertThat(r.count("baseline.missing")).isEqualTo(3);
            }
        }
        pushed.store().save();
        assertThat(Files.exists(file)).isTrue();

        var reopened = new PushedTelemetry(TelemetryConfig.DEFAULTS, PushBaselineStore.open(file, 100, 240));
        assertThat(reopened.store().size()).isEqualTo(3);
        var out = new GraphWriter();
        TelemetryReport r = push(reopened, minute(T0.plusSeconds(600), 20, 900, true), out);

        assertThat(r.count("baseline.pushed")).isEqualTo(3);
        List<Signal> signals = out.batch().signals();
        assertThat(signals).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("LatencyAnomaly");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("orders"));
            assertThat(s.attributes()).containsEntry("baselineSource", "pushed").containsEntry("metric", "trace_latency_ms");
        });
        assertThat(signals).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("ErrorRateAnomaly");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("orders"));
        });
        // web's own requests did not fail more; its calls to orders did (an edge signal, on the caller with the peer)
        assertThat(signals).noneMatch(s -> s.entityKey().equals(EntityKeys.service("web")) && s.type().equals("ErrorRateAnomaly")
                && s.attributes().get("peer") == null);
        assertThat(signals).anyMatch(s -> s.type().equals("ErrorRateAnomaly")
                && EntityKeys.service("orders").equals(s.attributes().get("peer")));
    }

    @Test
    void aLonePushWithAFaultInItsSecondHalfIsNeverComparedWithItsFirstHalf() {
        var pushed = new PushedTelemetry(TelemetryConfig.DEFAULTS, PushBaselineStore.inMemory(100, 240));
        var spans = new ArrayList<Span>();
        for (int m = 0; m < 5; m++) {
            spans.addAll(minute(T0.plusSeconds(60L * m), 20, 20, false));
        }
        for (int m = 5; m < 10; m++) {
            spans.addAll(minute(T0.plusSeconds(60L * m), 20, 900, true));
        }
        var out = new GraphWriter();
        TelemetryReport r = push(pushed, spans, out);

        assertThat(out.batch().signals()).isEmpty();
        assertThat(r.count("baseline.missing")).isEqualTo(3);
        assertThat(r.count("calls")).isEqualTo(1);
        assertThat(pushed.store().buckets("trace|orders")).hasSize(20);
    }

    @Test
    void errorLinesBeyondTheirStoredRateAndNewTemplatesAreSignalsOnceTheEntityHasABaseline() {
        var pushed = new PushedTelemetry(TelemetryConfig.DEFAULTS, PushBaselineStore.inMemory(100, 240));
        Map<String, String> orders = Map.of("service.name", "orders");
        for (int m = 0; m < 6; m++) {
            var lines = new ArrayList<LogRecord>();
            long at = T0.plusSeconds(60L * m).toEpochMilli();
            lines.add(new LogRecord(at, orders, "INFO", "order 4711 accepted in 12 ms"));
            lines.add(new LogRecord(at + 30_000, orders, "ERROR", "payment declined for order 99"));
            var out = new GraphWriter();
            pushed.analyze(new Evidence(List.of(), List.of(), lines), TelemetryEntities.Graph.NONE, out);
            assertThat(out.batch().signals()).as("minute %d", m).isEmpty();
        }
        var lines = new ArrayList<LogRecord>();
        long at = T0.plusSeconds(360).toEpochMilli();
        for (int i = 0; i < 30; i++) {
            lines.add(new LogRecord(at + i * 1_000L, orders, "ERROR", "connection to db-7 refused after " + i + " ms"));
        }
        lines.add(new LogRecord(at + 40_000, orders, "ERROR", "payment declined for order 100"));
        var out = new GraphWriter();
        TelemetryReport r = pushed.analyze(new Evidence(List.of(), List.of(), lines), TelemetryEntities.Graph.NONE, out);

        assertThat(r.count("baseline.pushed")).isEqualTo(2);
        assertThat(out.batch().signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("ErrorLogSpike");
            assertThat(s.entityKey()).isEqualTo(EntityKeys.service("orders"));
            assertThat(s.attributes()).containsEntry("count", 30L).containsEntry("newTemplate", true)
                    .containsEntry("baselineSource", "pushed");
        });
    }

    @Test
    void aBodyThatIsNotOtlpIsMalformedAndNothingIsLearnt() {
        var pushed = new PushedTelemetry(TelemetryConfig.DEFAULTS, PushBaselineStore.inMemory(100, 240));
        assertThatThrownBy(() -> pushed.analyze(new IngestInput("request.otlp-traces.json", "{\"resourceSpans\": 7}".getBytes(),
                T0), TelemetryEntities.Graph.NONE, new GraphWriter())).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("request.otlp-traces.json");
        assertThat(pushed.store().size()).isZero();
    }
}
