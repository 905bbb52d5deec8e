package dev.taproot.rules.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;

class SignalStrengthTest {

    private final RankingSettings settings = RankingSettings.defaults();
    private final SignalStrength strength = new SignalStrength(Vocabulary.standard(), settings);

    private static Signal signal(String type, double score) {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        return new Signal("s/" + type, type, "service/a", type, Severity.WARNING, t, t.plusSeconds(60),
                Map.of("score", score), "test");
    }

    @Test
    void errorLogCountsAreScoredOnTheirOwnScale() {
        // ten error lines of a template the baseline never saw: strong evidence
        assertThat(strength.raw(signal("ErrorLogSpike", 10)))
                .isCloseTo(10 / (10 + settings.countScoreScale()), within(1e-9))
                .isGreaterThan(0.7);
        // the same score on a metric's robust z is a modest anomaly
        assertThat(strength.raw(signal("LatencyAnomaly", 10)))
                .isCloseTo(10 / (10 + settings.scoreScale()), within(1e-9))
                .isLessThan(0.3);
    }

    @Test
    void newTemplatesWithoutErrorsKeepTheMetricScale() {
        assertThat(strength.raw(signal("NewLogTemplate", 3))).isCloseTo(3 / (3 + settings.scoreScale()), within(1e-9));
        assertThat(strength.isFault(signal("ErrorLogSpike", 3))).isTrue();
    }

    @Test
    void aMoveExplainedByAnotherEntitysOwnFaultIsItsConsequenceNotAFault() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        Signal node = new Signal("s/node", "CPUAnomaly", "k8s/Node/n1", "node_cpu", Severity.WARNING, t, t.plusSeconds(60),
                Map.of("score", 40.0, SignalStrength.EXPLAINED_BY, "service/a"), "test");
        assertThat(strength.isFault(signal("CPUAnomaly", 40))).isTrue();
        assertThat(strength.isFault(node)).isFalse();
        assertThat(strength.weighted(node)).isCloseTo(strength.raw(node) * settings.symptomTypeWeight(), within(1e-9));
    }

    private static Signal latency(String metric, double baseline, double observed) {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        return new Signal("s/" + metric + observed, "LatencyAnomaly", "service/a", metric, Severity.WARNING, t,
                t.plusSeconds(60), Map.of("score", 10.0, "metric", metric, "baseline", baseline, "observed", observed), "test");
    }

    @Test
    void statisticsOfOneMeasureAreRecognisedByName() {
        assertThat(SignalStrength.sameMeasure("latency_p90", "latency_p99")).isTrue();
        assertThat(SignalStrength.sameMeasure("latency_average", "latency_p95")).isTrue();
        assertThat(SignalStrength.sameMeasure("pod_server_latency_p95_seconds", "pod_server_latency_p99_seconds")).isTrue();
        assertThat(SignalStrength.sameMeasure("pod_server_latency_p95_seconds", "pod_client_latency_p95_seconds")).isFalse();
        assertThat(SignalStrength.sameMeasure("latency_p90", "cpu_p90")).isFalse();
        assertThat(SignalStrength.sameMeasure("request_latency", "response_latency")).isFalse();
        // "temp" is not a statistic token although it contains one's letters
        assertThat(SignalStrength.sameMeasure("temp_latency", "latency")).isFalse();
    }

    @Test
    void aCalleeThatSlowedFarLessThanItsCallerExplainsLittleOfItAtAnyStatistic() {
        // the callee's p99 rose 40 ms, the caller's p90 700 ms: the same measure, so the sizes still compare
        double small = strength.propagationFactor(latency("latency_p99", 0.03, 0.07), latency("latency_p90", 0.31, 1.01));
        assertThat(small).isCloseTo(0.04 / 0.70, within(1e-6)).isLessThan(settings.crossMetricFactor());
        // sizes that match keep the cross-statistic discount, never more
        double matched = strength.propagationFactor(latency("latency_p99", 0.3, 1.0), latency("latency_p90", 0.31, 1.01));
        assertThat(matched).isEqualTo(settings.crossMetricFactor());
        // metrics of different measures cannot be compared: the flat discount
        double other = strength.propagationFactor(latency("db_wait_ms", 3, 7), latency("latency_p90", 0.31, 1.01));
        assertThat(other).isEqualTo(settings.crossMetricFactor());
    }
}
