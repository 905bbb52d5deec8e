package dev.taproot.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.RankingSettings;

/**
 * The hypothesis check moves the rank: a strong anomaly that no rule links to the symptom (it explains none of
 * it) is halved, so the weaker dependency whose slowdown the rules carry to the symptom ranks first.
 */
class HypothesisWeightTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    /** web calls api; batch runs beside them, linked to neither. */
    private static Subgraph graph() {
        var entities = new ArrayList<Entity>();
        for (String s : List.of("web", "api", "batch")) {
            entities.add(Entity.of("service/" + s, "Service", s));
        }
        var calls = List.of(new Relationship("CALLS", "service/web", "service/api", Map.of(), null, null));
        var signals = List.of(
                latency("web", 8, 0.9, 0.5),
                latency("api", 6, 0.7, 0.3),
                new Signal("cpu/batch", "CPUAnomaly", "service/batch", "cpu", Severity.WARNING, T.plusSeconds(30),
                        T.plusSeconds(600), Map.of("score", 60.0, "direction", "up", "metric", "cpu_usage"), "test"));
        return new Subgraph(entities, calls, signals);
    }

    private static Signal latency(String service, double score, double observed, double baseline) {
        return new Signal("lat/" + service, "LatencyAnomaly", "service/" + service, "latency", Severity.WARNING,
                T.plusSeconds(60), T.plusSeconds(600), Map.of("score", score, "direction", "up", "metric", "latency_p90",
                        "observed", observed, "baseline", baseline), "test");
    }

    private static String first(RankingSettings settings) {
        var engine = new RootCauseEngine(null, RulePack::builtIn, Vocabulary.standard(), settings);
        Analysis a = engine.analyze(graph(), AnalysisRequest.of(List.of("web"), T, T.plusSeconds(900)));
        return a.candidates().get(0).name();
    }

    @Test
    void aCandidateThatExplainsNoSymptomIsHalvedAndTheLinkedDependencyLeads() {
        RankingSettings d = RankingSettings.defaults();
        RankingSettings without = new RankingSettings(d.scoreScale(), d.symptomTypeWeight(), d.teleport(), d.spread(),
                d.selfWeight(), d.rankExponent(), d.onsetBoost(), d.onsetScale(), d.changeBoost(), d.historyBoost(),
                d.minConfidence(), d.deltaExponent(), d.crossMetricFactor(), d.countScoreScale(), 0.0);

        assertThat(first(without)).as("on its own anomaly alone the unrelated job leads").isEqualTo("batch");
        assertThat(first(d)).isEqualTo("api");
    }
}
