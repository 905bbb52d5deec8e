package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A delay on the way to a service: its callers wait longer on their calls, nothing measured on it moves. The
 * quiet callee that all the waiting callers share becomes a candidate, with the callers named as the evidence.
 */
class CallerWaitTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private final SignalStrength strength = new SignalStrength(Vocabulary.standard(), RankingSettings.defaults());

    /** web calls cart and ads; checkout calls cart and pay; reports calls ads. */
    private static Subgraph graph(List<Signal> signals) {
        var entities = new ArrayList<Entity>();
        for (String s : List.of("web", "checkout", "reports", "cart", "ads", "pay")) {
            entities.add(Entity.of("service/" + s, "Service", s));
        }
        var calls = new ArrayList<Relationship>();
        for (String[] e : new String[][] {{"web", "cart"}, {"web", "ads"}, {"checkout", "cart"},
                {"checkout", "pay"}, {"reports", "ads"}}) {
            calls.add(new Relationship("CALLS", "service/" + e[0], "service/" + e[1], Map.of(), null, null));
        }
        return new Subgraph(entities, calls, signals);
    }

    private static Signal latency(String service, double score, boolean clientSide) {
        var attrs = new HashMap<String, Object>(Map.of("score", score, "direction", "up",
                "metric", clientSide ? "client_latency_p90" : "server_latency_p90"));
        if (clientSide) {
            attrs.put(SignalStrength.CLIENT_SIDE_ATTRIBUTE, "client");
        }
        return new Signal("s/" + service + "/" + attrs.get("metric"), "LatencyAnomaly", "service/" + service,
                (String) attrs.get("metric"), Severity.WARNING, T.plusSeconds(60), T.plusSeconds(240), attrs, "test");
    }

    private List<Signal> derived(List<Signal> signals) {
        Subgraph g = graph(signals);
        return new CallerWait(strength).derive(new Topology(g, Vocabulary.standard()), signals).stream()
                .filter(s -> s.attributes().get(SignalStrength.DERIVED) != null).toList();
    }

    private static Signal on(List<Signal> derived, String service) {
        return derived.stream().filter(s -> s.entityKey().equals("service/" + service)).findFirst().orElseThrow();
    }

    @Test
    void aQuietCalleeOfWaitingCallersGetsANetworkSignalNamingThem() {
        var d = derived(List.of(latency("web", 30, true), latency("checkout", 30, true)));
        Signal cart = on(d, "cart");
        assertThat(cart.type()).isEqualTo(CallerWait.TYPE);
        assertThat(cart.attributes()).containsEntry(CallerWait.SEEN_BY, "checkout,web").containsEntry("waitingCallers", 2L);
        assertThat(strength.isFault(cart)).as("inferred, not seen: weighs as a symptom").isFalse();
        assertThat(cart.start()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void aCallerThatCallsItAndDidNotWaitSpeaksForIt() {
        var d = derived(List.of(latency("web", 30, true), latency("checkout", 30, true)));
        // ads is called by web (waited) and reports (did not); cart only by callers that waited
        assertThat(on(d, "ads").number("score", 0)).isLessThan(on(d, "cart").number("score", 0));
        assertThat(on(d, "ads").attributes()).containsEntry("callers", 2L).containsEntry("waitingCallers", 1L);
    }

    @Test
    void aCalleeWithItsOwnSlowdownIsNotQuietAndNothingIsInventedWithoutAWait() {
        var withOwn = derived(List.of(latency("web", 30, true), latency("checkout", 30, true), latency("cart", 12, false)));
        assertThat(withOwn).noneMatch(s -> s.entityKey().equals("service/cart"));
        assertThat(withOwn).anyMatch(s -> s.entityKey().equals("service/pay"));
        assertThat(derived(List.of(latency("cart", 12, false), latency("web", 30, false)))).isEmpty();
    }

    @Test
    void aCalleeThatOnlyWaitsOnItsOwnCalleesStaysQuiet() {
        // gateway waits on web, which itself waits: either web's callees or the network to web explain it
        var signals = List.of(latency("web", 30, true), latency("checkout", 30, true));
        Subgraph g = graph(signals);
        var calls = new ArrayList<>(g.relationships());
        calls.add(new Relationship("CALLS", "service/gateway", "service/web", Map.of(), null, null));
        var entities = new ArrayList<>(g.entities());
        entities.add(Entity.of("service/gateway", "Service", "gateway"));
        var all = new ArrayList<>(signals);
        all.add(latency("gateway", 30, true));
        var wider = new Subgraph(entities, calls, all);
        var d = new CallerWait(strength).derive(new Topology(wider, Vocabulary.standard()), all);
        assertThat(d).anyMatch(s -> s.entityKey().equals("service/web") && s.attributes().get(SignalStrength.DERIVED) != null);
        assertThat(d).anyMatch(s -> s.entityKey().equals("service/cart") && s.attributes().get(SignalStrength.DERIVED) != null);
    }

    @Test
    void theSharedQuietCalleeRanksFirstAndTheEvidenceNamesTheWaitingCallers() {
        var signals = List.of(latency("web", 30, true), latency("checkout", 30, true));
        var engine = new RootCauseEngine(null, RulePack::builtIn);
        Analysis a = engine.analyze(graph(signals), AnalysisRequest.of(List.of("web"), T, T.plusSeconds(300)));
        assertThat(a.candidates()).isNotEmpty();
        assertThat(a.candidates().get(0).name()).isEqualTo("cart");
        String text = AnalysisText.render(a);
        assertThat(text).contains("cart").contains("checkout, web waited longer on it");
    }
}
