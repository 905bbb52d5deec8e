package dev.taproot.rules.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.causal.Topology;

/** A caller's wait on its callees is evidence about the callees, never the caller's own anomaly. */
class CalleeWaitRankingTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private final RankingSettings settings = RankingSettings.defaults();
    private final CausalRanker ranker = new CausalRanker(new SignalStrength(Vocabulary.standard(), settings), settings);

    private static Topology topology() {
        var entities = List.of(Entity.of("service/web", "Service", "web"), Entity.of("service/db", "Service", "db"));
        var calls = List.of(new Relationship("CALLS", "service/web", "service/db", Map.of(), null, null));
        return new Topology(new Subgraph(entities, calls, List.of()), Vocabulary.standard());
    }

    private static Signal latency(String entity, String metric, double score, boolean clientSide) {
        var attrs = new HashMap<String, Object>(Map.of("score", score, "direction", "up", "metric", metric));
        if (clientSide) {
            attrs.put(SignalStrength.CLIENT_SIDE_ATTRIBUTE, "client");
        }
        return new Signal("s/" + entity + "/" + metric, "LatencyAnomaly", entity, metric, Severity.WARNING, T,
                T.plusSeconds(60), attrs, "test");
    }

    private List<UnitScore> rank(boolean callerSignalIsClientSide) {
        var signals = List.of(latency("service/web", "client_latency", 80, callerSignalIsClientSide),
                latency("service/db", "server_latency", 8, false));
        return ranker.rank(topology(), signals, List.of(), Set.of(), Map.of(), true);
    }

    @Test
    void aCallerWhoseOnlyMoveIsItsWaitOnCalleesRanksBelowTheCalleeThatMoved() {
        assertThat(rank(true).get(0).unit()).isEqualTo("service/db");
    }

    @Test
    void theSameMoveMeasuredOnTheCallersOwnSideStaysItsOwn() {
        assertThat(rank(false).get(0).unit()).isEqualTo("service/web");
    }

    @Test
    void theWaitStillKeepsTheCallerAmongTheUnitsWithSignals() {
        assertThat(rank(true)).anySatisfy(u -> {
            assertThat(u.unit()).isEqualTo("service/web");
            assertThat(u.anomaly()).isPositive();
        });
    }

    @Test
    void aUnitWithNoKnownCalleeKeepsItsWaitAsItsOwn() {
        // db calls nobody: a rise of its client-side latency can only be about its own outbound network
        var signals = List.of(latency("service/db", "client_latency", 80, true),
                latency("service/web", "server_latency", 8, false));
        assertThat(ranker.rank(topology(), signals, List.of(), Set.of(), Map.of(), true).get(0).unit())
                .isEqualTo("service/db");
    }
}
