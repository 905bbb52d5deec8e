package dev.taproot.rules;

import static dev.taproot.rules.RootCauseEngineTest.T0;
import static dev.taproot.rules.RootCauseEngineTest.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.pack.RulePack;

class SymptomsDoNotBlameThemselvesTest {

    /** web -> cart -> db; db's CPU saturates; web is by far the most anomalous (its latency exploded). */
    static Subgraph loudVictim() {
        var entities = List.of(Entity.of("service/web", "Service", "web"), Entity.of("service/cart", "Service", "cart"),
                Entity.of("service/db", "Service", "db"));
        var rels = List.of(Relationship.of("CALLS", "service/web", "service/cart"),
                Relationship.of("CALLS", "service/cart", "service/db"));
        var signals = List.of(signal("1", "CPUAnomaly", "service/db", 1, 8, "up"),
                signal("2", "LatencyAnomaly", "service/cart", 2, 10, "up"),
                signal("3", "LatencyAnomaly", "service/web", 2, 100, "up"),
                signal("4", "ErrorRateAnomaly", "service/web", 2, 100, "up"));
        return new Subgraph(entities, rels, signals);
    }

    private static final RootCauseEngine ENGINE = new RootCauseEngine(null, RulePack::builtIn);

    @Test
    void aSymptomWithoutFaultEvidenceNeverOutranksADependencyThatHasIt() {
        Analysis named = ENGINE.analyze(loudVictim(), AnalysisRequest.of(List.of("web"), T0, T0.plusSeconds(900)));
        assertThat(named.top().entityKey()).isEqualTo("service/db");
        Analysis inferred = ENGINE.analyze(loudVictim(), AnalysisRequest.of(List.of(), T0, T0.plusSeconds(900)));
        assertThat(inferred.symptomsInferred()).isTrue();
        assertThat(inferred.top().entityKey()).isEqualTo("service/db");
    }

    @Test
    void twoRunsOverSignalsInAnotherOrderRankAlike() {
        Subgraph g = loudVictim();
        var reversed = new java.util.ArrayList<>(g.signals());
        java.util.Collections.reverse(reversed);
        Subgraph r = new Subgraph(g.entities(), g.relationships(), reversed);
        var request = AnalysisRequest.of(List.of(), T0, T0.plusSeconds(900));
        assertThat(ENGINE.analyze(r, request).candidates().stream().map(c -> c.entityKey() + c.score()).toList())
                .isEqualTo(ENGINE.analyze(g, request).candidates().stream().map(c -> c.entityKey() + c.score()).toList());
    }
}
