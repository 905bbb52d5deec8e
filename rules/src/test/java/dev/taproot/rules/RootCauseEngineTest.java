package dev.taproot.rules;

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
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.engine.AnalysisText;
import dev.taproot.rules.model.Condition;
import dev.taproot.rules.model.EntityRelation;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.SignalPattern;
import dev.taproot.rules.model.TimeRelation;
import dev.taproot.rules.pack.RulePack;

class RootCauseEngineTest {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    static Signal signal(String id, String type, String entity, int minute, double score, String direction) {
        Instant start = T0.plusSeconds(60L * minute);
        return new Signal("s/" + id, type, entity, type, Severity.WARNING, start, start.plusSeconds(300),
                Map.of("score", score, "direction", direction, "metric", type.toLowerCase()), "test");
    }

    /** frontend -> checkout -> payment; payment's CPU saturates first, latency climbs up the chain. */
    static Subgraph chain() {
        var entities = List.of(Entity.of("service/frontend", "Service", "frontend"),
                Entity.of("service/checkout", "Service", "checkout"), Entity.of("service/payment", "Service", "payment"),
                Entity.of("k8s/shop/Pod/payment-7d9c-abcde", "Pod", "payment-7d9c-abcde"));
        var rels = List.of(Relationship.of("CALLS", "service/frontend", "service/checkout"),
                Relationship.of("CALLS", "service/checkout", "service/payment"),
                Relationship.of("SELECTS", "service/payment", "k8s/shop/Pod/payment-7d9c-abcde"));
        var signals = List.of(signal("1", "CPUAnomaly", "k8s/shop/Pod/payment-7d9c-abcde", 1, 20, "up"),
                signal("2", "LatencyAnomaly", "service/payment", 2, 12, "up"),
                signal("3", "LatencyAnomaly", "service/checkout", 3, 15, "up"),
                signal("4", "LatencyAnomaly", "service/frontend", 3, 18, "up"),
                signal("5", "TrafficAnomaly", "service/checkout", 4, 6, "down"));
        return new Subgraph(entities, rels, signals);
    }

    static RootCauseEngine engine() {
        return new RootCauseEngine(null, RulePack::builtIn);
    }

    @Test
    void cpuSaturationOfADeepCalleeIsRankedFirstWithEvidenceDownToTheSymptom() {
        Analysis a = engine().analyze(chain(), AnalysisRequest.of(List.of("frontend"), T0, T0.plusSeconds(900)));
        assertThat(a.symptomsInferred()).isFalse();
        assertThat(a.top().entityKey()).isEqualTo("service/payment");
        assertThat(a.top().faultType()).isEqualTo("CPUAnomaly");
        assertThat(a.top().confidence()).isBetween(0.0, 1.0);
        assertThat(a.top().evidence().descriptions()).anyMatch(d -> d.contains("rule prop.")).anyMatch(d -> d.contains("[symptom]"));
        assertThat(a.noConfidentCause()).isFalse();
        assertThat(AnalysisText.render(a)).contains("payment").contains("CPUAnomaly");
    }

    @Test
    void withoutASymptomTheEngineChoosesTheUserFacingEntityAndSaysSo() {
        Analysis a = engine().analyze(chain(), AnalysisRequest.of(List.of(), T0, T0.plusSeconds(900)));
        assertThat(a.symptomsInferred()).isTrue();
        assertThat(a.symptoms()).extracting(Analysis.SymptomRef::entityKey).containsExactly("service/frontend");
        assertThat(a.top().entityKey()).isEqualTo("service/payment");
    }

    @Test
    void nothingSignalledMeansNoConfidentCause() {
        var g = new Subgraph(chain().entities(), chain().relationships(), List.of());
        Analysis a = engine().analyze(g, AnalysisRequest.of(List.of("frontend"), T0, T0.plusSeconds(900)));
        assertThat(a.candidates()).isEmpty();
        assertThat(a.noConfidentCause()).isTrue();
        assertThat(a.ruledOut()).extracting(Analysis.RuledOut::entityKey).contains("service/frontend");
    }

    @Test
    void aFailingRuleIsReportedAndTheAnalysisGoesOn() {
        Rule broken = new Rule("test.broken", "broken", "test",
                new SignalPattern(List.of("Fault"), List.of(), List.of(new Condition("score", ">=", "$undefined"))),
                new SignalPattern(List.of("Symptom"), List.of(), List.of()),
                new EntityRelation(EntityRelation.Kind.SAME_ENTITY, 3), TimeRelation.defaults(), 0.9, "broken",
                Map.of(), List.of(), List.of(), "test");
        RulePack pack = RulePack.builtIn().overriddenBy(new RulePack("test", List.of(broken)));
        Analysis a = new RootCauseEngine(null, () -> pack).analyze(chain(),
                AnalysisRequest.of(List.of("frontend"), T0, T0.plusSeconds(900)));
        assertThat(a.ruleFailures()).extracting(Analysis.RuleFailure::ruleId).containsExactly("test.broken");
        assertThat(a.top().entityKey()).isEqualTo("service/payment");
    }

    @Test
    void aRuleSubsetRestrictsTheLinks() {
        var request = AnalysisRequest.of(List.of("frontend"), T0, T0.plusSeconds(900));
        Analysis all = engine().analyze(chain(), request);
        Analysis one = engine().analyze(chain(), request.withRules(java.util.Set.of("res.cpu-saturation-latency")));
        assertThat(one.timings().causalLinks()).isPositive().isLessThan(all.timings().causalLinks());
    }

    @Test
    void aCauseThatStartedAfterTheEffectByMoreThanTheSlackDoesNotExplainIt() {
        var late = new Subgraph(chain().entities(), chain().relationships(), List.of(
                signal("1", "CPUAnomaly", "service/payment", 12, 20, "up"),
                signal("4", "LatencyAnomaly", "service/frontend", 1, 18, "up")));
        Analysis a = engine().analyze(late, AnalysisRequest.of(List.of("frontend"), T0, T0.plusSeconds(900))
                .withRules(java.util.Set.of("prop.fault-slows-callers")));
        assertThat(a.timings().causalLinks()).isZero();
    }
}
