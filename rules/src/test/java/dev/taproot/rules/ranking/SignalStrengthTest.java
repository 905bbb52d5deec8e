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
}
