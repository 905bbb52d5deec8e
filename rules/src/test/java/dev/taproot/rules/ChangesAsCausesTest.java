package dev.taproot.rules;

import static dev.taproot.rules.RootCauseEngineTest.T0;
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
import dev.taproot.rules.pack.RulePack;

/** Among several releases in the window, the one whose timing and dependents explain the symptoms ranks first. */
class ChangesAsCausesTest {

    private static Signal deploy(String service, int minute) {
        Instant t = T0.plusSeconds(60L * minute);
        return new Signal("deploy/" + service, "Deploy", "service/" + service, "deploy " + service, Severity.INFO, t, t,
                Map.of("revision", "v2"), "test");
    }

    private static Signal anomaly(String id, String type, String service, int minute, double score) {
        Instant t = T0.plusSeconds(60L * minute);
        return new Signal("a/" + id, type, "service/" + service, type, Severity.WARNING, t, t.plusSeconds(300),
                Map.of("score", score, "direction", "up", "metric", type.toLowerCase()), "test");
    }

    /** web -> cart, web -> search, web -> ads; cart, search and ads are all released; only cart's callers suffer. */
    static Subgraph releases() {
        var entities = List.of(Entity.of("service/web", "Service", "web"), Entity.of("service/cart", "Service", "cart"),
                Entity.of("service/search", "Service", "search"), Entity.of("service/ads", "Service", "ads"));
        var rels = List.of(Relationship.of("CALLS", "service/web", "service/cart"),
                Relationship.of("CALLS", "service/web", "service/search"),
                Relationship.of("CALLS", "service/web", "service/ads"));
        var signals = List.of(deploy("search", 0), deploy("cart", 2), deploy("ads", 9),
                anomaly("1", "ErrorRateAnomaly", "cart", 3, 12), anomaly("2", "ErrorRateAnomaly", "web", 3, 15),
                anomaly("3", "LatencyAnomaly", "web", 4, 9));
        return new Subgraph(entities, rels, signals);
    }

    @Test
    void theReleaseFollowedByAnomaliesOnItAndItsCallersRanksFirst() {
        var engine = new RootCauseEngine(null, RulePack::builtIn);
        Analysis asked = engine.analyze(releases(), AnalysisRequest.of(List.of("web"), T0, T0.plusSeconds(900)));
        assertThat(asked.top().entityKey()).isEqualTo("service/cart");
        Analysis unasked = engine.analyze(releases(), AnalysisRequest.of(List.of(), T0, T0.plusSeconds(900)));
        assertThat(unasked.top().entityKey()).isEqualTo("service/cart");
    }

    @Test
    void aReleaseNothingFollowedDoesNotOutrankAFault() {
        var entities = List.of(Entity.of("service/web", "Service", "web"), Entity.of("service/cart", "Service", "cart"),
                Entity.of("service/db", "Service", "db"));
        var rels = List.of(Relationship.of("CALLS", "service/web", "service/cart"),
                Relationship.of("CALLS", "service/cart", "service/db"));
        var signals = List.of(deploy("cart", 0), anomaly("1", "CPUAnomaly", "db", 5, 9),
                anomaly("2", "LatencyAnomaly", "cart", 6, 10), anomaly("3", "LatencyAnomaly", "web", 6, 12));
        var engine = new RootCauseEngine(null, RulePack::builtIn);
        Analysis a = engine.analyze(new Subgraph(entities, rels, signals), AnalysisRequest.of(List.of("web"), T0,
                T0.plusSeconds(900)));
        assertThat(a.top().entityKey()).isEqualTo("service/db");
    }
}
