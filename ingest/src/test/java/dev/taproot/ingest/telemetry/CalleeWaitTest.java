package dev.taproot.ingest.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.TelemetryEntities;

/**
 * A service whose server-side latency rose only because it waits longer on its callees (its client-side latency
 * rose as much) is a victim: its own latency is not evidence against it.
 */
class CalleeWaitTest {

    /** Flat at {@code base} (with a small wiggle) until 660 s, then {@code high}. */
    private static String series(String metric, double base, double high) {
        var values = new StringBuilder();
        for (long t = 0; t <= 900; t += 60) {
            double v = (t < 660 ? base : high) * (1 + 0.02 * ((t / 60) % 3));
            values.append(values.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "[%d,\"%.5f\"]", t, v));
        }
        return String.format(Locale.ROOT, "{\"metric\":{\"__name__\":\"%s\",\"pod\":\"web-7d9f8b6c5d-x2k4p\"},\"values\":[%s]}",
                metric, values);
    }

    private static List<Signal> analyze(double clientHigh) throws Exception {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + series("pod_server_latency_p90_seconds", 0.10, 0.50) + ","
                + series("pod_client_latency_p90_seconds", 0.02, clientHigh) + "]}}";
        var input = new IngestInput("m.prom.json", body.getBytes(), Instant.EPOCH);
        var window = new AnalysisWindow(Instant.ofEpochSecond(600), Instant.ofEpochSecond(900));
        var writer = new GraphWriter();
        new TelemetryAnalyzer().analyze(new TelemetryRequest(List.of(input), List.of(), window),
                TelemetryEntities.Graph.NONE, writer);
        return writer.batch().signals();
    }

    private static double serverScore(List<Signal> signals) {
        return signals.stream().filter(s -> s.name().contains("server"))
                .mapToDouble(s -> s.number("score", 0)).max().orElse(0);
    }

    @Test
    void aServerLatencyRiseThatTheWaitOnCalleesExplainsIsNoSignalOfItsOwn() throws Exception {
        List<Signal> victim = analyze(0.42);
        assertThat(victim).noneSatisfy(s -> assertThat(s.name()).contains("server"));
        assertThat(victim).anySatisfy(s -> assertThat(s.name()).contains("client"));
    }

    @Test
    void aServerLatencyRiseWithFlatCalleeWaitIsTheServicesOwn() throws Exception {
        assertThat(serverScore(analyze(0.02))).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aPartlyExplainedRiseKeepsTheUnexplainedShareOfItsScore() throws Exception {
        double own = serverScore(analyze(0.02));
        double half = serverScore(analyze(0.22));
        assertThat(half).isLessThan(own).isGreaterThan(0);
    }
}
