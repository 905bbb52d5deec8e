package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

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
import dev.taproot.rules.engine.AnalysisText;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.RankingSettings;
import dev.taproot.rules.ranking.SignalStrength;

/**
 * A caller that stops calling: the traffic its callees receive falls while its own holds. Nothing measured on it
 * moves; its callees' drops name it.
 */
class WithheldCallsTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private final SignalStrength strength = new SignalStrength(Vocabulary.standard(), RankingSettings.defaults());

    /** web calls ads, catalog and recs; recs calls catalog; batch calls ads. */
    private static Subgraph graph(List<Signal> signals) {
        var entities = new ArrayList<Entity>();
        for (String s : List.of("web", "ads", "catalog", "recs", "batch")) {
            entities.add(Entity.of("service/" + s, "Service", s));
        }
        var calls = new ArrayList<Relationship>();
        for (String[] e : new String[][] {{"web", "ads"}, {"web", "catalog"}, {"web", "recs"}, {"recs", "catalog"},
                {"batch", "ads"}}) {
            calls.add(new Relationship("CALLS", "service/" + e[0], "service/" + e[1], Map.of(), null, null));
        }
        return new Subgraph(entities, calls, signals);
    }

    private static Signal traffic(String service, double score, String direction) {
        return new Signal("t/" + service, "TrafficAnomaly", "service/" + service, "requests", Severity.WARNING,
                T.plusSeconds(60), T.plusSeconds(240),
                Map.of("score", score, "direction", direction, "metric", "requests"), "test");
    }

    private List<Signal> derived(List<Signal> signals) {
        return new WithheldCalls(strength).derive(new Topology(graph(signals), Vocabulary.standard()), signals).stream()
                .filter(s -> WithheldCalls.TYPE.equals(s.type())).toList();
    }

    @Test
    void aCallerWhoseCalleesLostTrafficWhileItsOwnHeldWithheldCalls() {
        var d = derived(List.of(traffic("ads", 8, "down"), traffic("recs", 6, "down")));
        assertThat(d).singleElement().satisfies(s -> {
            assertThat(s.entityKey()).isEqualTo("service/web");
            assertThat(s.attributes()).containsEntry(WithheldCalls.CALLEES, "ads,recs").containsEntry("droppedCallees", 2L);
            assertThat(s.number("score", 0)).isEqualTo(7.0);
            assertThat(strength.isFault(s)).as("inferred, not seen: weighs as a symptom").isFalse();
        });
    }

    @Test
    void nothingIsInventedWhenTheCallerLostTrafficTooOrOnlyOneCalleeDropped() {
        assertThat(derived(List.of(traffic("ads", 8, "down"), traffic("recs", 6, "down"), traffic("web", 5, "down"))))
                .as("less traffic arrived at web: its callees' drops follow from that").isEmpty();
        assertThat(derived(List.of(traffic("ads", 8, "down")))).as("one callee's drop is its own business").isEmpty();
        assertThat(derived(List.of(traffic("ads", 8, "up"), traffic("recs", 6, "up")))).as("traffic rose").isEmpty();
    }

    @Test
    void aFailingCalleeExplainsTheEarlyExit() {
        // web's calls to catalog fail: web stops before calling ads and recs, which lose traffic
        var failing = new Signal("e/catalog", "ErrorRateAnomaly", "service/catalog", "errors", Severity.ERROR,
                T.plusSeconds(30), T.plusSeconds(240), Map.of("score", 12.0, "direction", "up"), "test");
        assertThat(derived(List.of(traffic("ads", 8, "down"), traffic("recs", 6, "down"), failing))).isEmpty();
    }

    @Test
    void aCalleeWhoseOtherCallerLostTrafficIsNotAWitness() {
        // catalog is also called by recs, whose own traffic fell: that explains catalog's drop as well
        var d = derived(List.of(traffic("ads", 8, "down"), traffic("catalog", 9, "down"), traffic("recs", 6, "down")));
        assertThat(d).singleElement().satisfies(s ->
                assertThat(s.attributes()).containsEntry(WithheldCalls.CALLEES, "ads,recs"));
    }

    @Test
    void theSymptomThatWithheldItsCallsRanksFirstWithTheCalleesNamed() {
        var signals = List.of(traffic("ads", 8, "down"), traffic("recs", 6, "down"));
        var engine = new RootCauseEngine(null, RulePack::builtIn);
        Analysis a = engine.analyze(graph(signals), AnalysisRequest.of(List.of("web"), T, T.plusSeconds(300)));
        assertThat(a.candidates()).isNotEmpty();
        assertThat(a.candidates().get(0).name()).isEqualTo("web");
        assertThat(AnalysisText.render(a)).contains("ads, recs received less traffic while web's own held");
    }
}
