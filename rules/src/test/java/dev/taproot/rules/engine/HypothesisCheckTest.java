package dev.taproot.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.rules.engine.AnalysisText;
import dev.taproot.rules.pack.RulePack;

class HypothesisCheckTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    static Signal signal(String id, String type, String entity, int minute, double score) {
        Instant start = T0.plusSeconds(60L * minute);
        return new Signal("s/" + id, type, entity, type, Severity.WARNING, start, start.plusSeconds(300),
                Map.of("score", score, "direction", "up", "metric", type.toLowerCase()), "test");
    }

    /**
     * Two complaints: frontend (through checkout, from payment's CPU) and admin (from db's latency).
     * billing also calls payment but shows nothing.
     */
    static Subgraph twoFailures() {
        var entities = List.of(Entity.of("service/frontend", "Service", "frontend"),
                Entity.of("service/checkout", "Service", "checkout"), Entity.of("service/payment", "Service", "payment"),
                Entity.of("service/billing", "Service", "billing"), Entity.of("service/admin", "Service", "admin"),
                Entity.of("service/db", "Service", "db"));
        var rels = List.of(Relationship.of("CALLS", "service/frontend", "service/checkout"),
                Relationship.of("CALLS", "service/checkout", "service/payment"),
                Relationship.of("CALLS", "service/billing", "service/payment"),
                Relationship.of("CALLS", "service/admin", "service/db"));
        var signals = List.of(signal("1", "CPUAnomaly", "service/payment", 1, 20),
                signal("2", "LatencyAnomaly", "service/payment", 2, 12),
                signal("3", "LatencyAnomaly", "service/checkout", 3, 15),
                signal("4", "LatencyAnomaly", "service/frontend", 3, 18),
                signal("5", "LatencyAnomaly", "service/db", 1, 8),
                signal("6", "LatencyAnomaly", "service/admin", 2, 9));
        return new Subgraph(entities, rels, signals);
    }

    static Analysis analyse() {
        return new RootCauseEngine(null, RulePack::builtIn)
                .analyze(twoFailures(), AnalysisRequest.of(List.of("frontend", "admin"), T0, T0.plusSeconds(900)));
    }

    static Candidate candidate(Analysis a, String name) {
        return a.candidates().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCauseExplainsTheSymptomsItsChainsReachAndNotTheOthers() {
        Hypothesis h = candidate(analyse(), "payment").hypothesis();
        assertThat(h.explained()).containsExactly("frontend");
        assertThat(h.unexplained()).containsExactly("admin");
        assertThat(h.explains()).isEqualTo(1);
        assertThat(h.of()).isEqualTo(2);

        Hypothesis db = candidate(analyse(), "db").hypothesis();
        assertThat(db.explained()).containsExactly("admin");
        assertThat(db.unexplained()).containsExactly("frontend");
    }

    @Test
    void anEffectTheRulesPredictThatDidNotHappenIsNamed() {
        Hypothesis h = candidate(analyse(), "payment").hypothesis();
        assertThat(h.predicted()).contains("billing", "checkout");
        assertThat(h.notSeen()).anyMatch(s -> s.endsWith("on billing")).noneMatch(s -> s.endsWith("on checkout"));
        assertThat(h.predictionsSeen()).isLessThan(1.0);
        assertThat(h.sentence("payment")).startsWith("If payment is the cause, it explains 1 of 2 symptoms (frontend)")
                .contains("billing").endsWith("which did not happen.");
    }

    @Test
    void theCheckIsPrintedWithEachCandidateAndIsTheSameOnEveryRun() {
        String first = AnalysisText.render(analyse());
        assertThat(first).contains("If payment is the cause, it explains 1 of 2 symptoms");
        assertThat(checks(AnalysisText.render(analyse()))).isEqualTo(checks(first)).hasSizeGreaterThanOrEqualTo(2);
    }

    static List<String> checks(String text) {
        return text.lines().filter(l -> l.contains("If ")).toList();
    }

    @Test
    void aCandidateWithoutSignalsPredictsNothing() {
        var h = new Hypothesis(List.of(), List.of("frontend"), List.of(), List.of());
        assertThat(h.predictionsSeen()).isEqualTo(1.0);
        assertThat(h.sentence("x")).isEqualTo("If x is the cause, it explains 0 of 1 symptom.");
        assertThat(new Hypothesis(List.of(), List.of(), List.of(), List.of()).sentence("x"))
                .isEqualTo("There is no symptom other than x for it to explain.");
    }
}
