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

/** A node's CPU rising with one guest's own container CPU is that guest's load, not the node's fault. */
class NodeMoveExplainedByGuestTest {

    private static final long WINDOW_START = 600;

    /** One series: flat at {@code base} until the window, then {@code high} from 660 s on. */
    private static String series(String metric, String pod, double base, double high) {
        var values = new StringBuilder();
        for (long t = 0; t <= 900; t += 60) {
            double v = (t < 660 ? base : high) * (1 + 0.02 * ((t / 60) % 3));
            values.append(values.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "[%d,\"%.4f\"]", t, v));
        }
        return String.format(Locale.ROOT, "{\"metric\":{\"__name__\":\"%s\",\"pod\":\"%s\",\"node\":\"n1\"},\"values\":[%s]}",
                metric, pod, values);
    }

    private static List<Signal> analyze(boolean guestMoves) throws Exception {
        String body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + series("node_cpu_usage_rate_percent", "ads-7d9f8b6c5d-x2k4p", 2, 20) + ","
                + series("node_cpu_usage_rate_percent", "cart-7d9f8b6c5d-q8z7w", 2, 20) + ","
                + series("cpu_usage_rate_percent", "ads-7d9f8b6c5d-x2k4p", 5, guestMoves ? 90 : 5) + ","
                + series("cpu_usage_rate_percent", "cart-7d9f8b6c5d-q8z7w", 5, 5)
                + "]}}";
        var input = new IngestInput("m.prom.json", body.getBytes(), Instant.EPOCH);
        var window = new AnalysisWindow(Instant.ofEpochSecond(WINDOW_START), Instant.ofEpochSecond(900));
        var writer = new GraphWriter();
        new TelemetryAnalyzer().analyze(new TelemetryRequest(List.of(input), List.of(), window),
                TelemetryEntities.Graph.NONE, writer);
        return writer.batch().signals();
    }

    private static double nodeScore(List<Signal> signals) {
        return signals.stream().filter(s -> s.entityKey().contains("n1") && s.name().startsWith("node_"))
                .mapToDouble(s -> s.number("score", 0)).max().orElse(0);
    }

    @Test
    void aNodeMoveThatAGuestsOwnContainerAlsoMadeIsMarkedAsThatGuestsDoing() throws Exception {
        List<Signal> explained = analyze(true);
        assertThat(nodeScore(explained)).isPositive();
        assertThat(explained).filteredOn(s -> s.entityKey().contains("n1"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.attributes()).containsEntry("explainedBy", "service/ads"));
    }

    @Test
    void aNodeMoveNoGuestMadeStaysTheNodesOwn() throws Exception {
        List<Signal> alone = analyze(false);
        assertThat(nodeScore(alone)).isPositive();
        assertThat(alone).filteredOn(s -> s.entityKey().contains("n1"))
                .allSatisfy(s -> assertThat(s.attributes()).doesNotContainKey("explainedBy"));
    }

    @Test
    void theGuestsShareOfTheNodeMoveIsNotMarkedExplained() throws Exception {
        assertThat(analyze(true)).filteredOn(s -> s.entityKey().equals("service/ads") && s.name().startsWith("node_"))
                .allSatisfy(s -> assertThat(s.attributes()).doesNotContainKey("explainedBy"));
    }
}
