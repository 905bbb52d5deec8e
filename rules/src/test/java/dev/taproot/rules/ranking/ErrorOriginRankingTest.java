package dev.taproot.rules.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

/** Failing requests start where no callee fails: there they weigh as a fault, elsewhere as a symptom. */
class ErrorOriginRankingTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private final RankingSettings settings = RankingSettings.defaults();
    private final CausalRanker ranker = new CausalRanker(new SignalStrength(Vocabulary.standard(), settings), settings);

    /** site calls api and jobs; api calls db. */
    private static Topology topology() {
        var entities = List.of(Entity.of("service/site", "Service", "site"), Entity.of("service/api", "Service", "api"),
                Entity.of("service/jobs", "Service", "jobs"), Entity.of("service/db", "Service", "db"));
        var calls = List.of(new Relationship("CALLS", "service/site", "service/api", Map.of(), null, null),
                new Relationship("CALLS", "service/site", "service/jobs", Map.of(), null, null),
                new Relationship("CALLS", "service/api", "service/db", Map.of(), null, null));
        return new Topology(new Subgraph(entities, calls, List.of()), Vocabulary.standard());
    }

    private static Signal signal(String type, String service, double score) {
        return new Signal("s/" + type + "/" + service, type, "service/" + service, type, Severity.WARNING, T,
                T.plusSeconds(60), Map.of("score", score, "direction", "up", "metric", type), "test");
    }

    private UnitScore score(List<UnitScore> ranked, String service) {
        return ranked.stream().filter(u -> u.unit().equals("service/" + service)).findFirst().orElseThrow();
    }

    @Test
    void aServiceWhoseErrorsNoCalleeExplainsOutranksALouderLatencyElsewhere() {
        // api fails (db does not); jobs moved more, but slowness is a symptom anywhere
        var ranked = ranker.rank(topology(), List.of(signal("ErrorRateAnomaly", "api", 8),
                signal("LatencyAnomaly", "jobs", 10)), List.of(), Set.of(), Map.of(), true);
        assertThat(ranked.get(0).unit()).isEqualTo("service/api");
        assertThat(score(ranked, "api").fault()).as("errors that begin at api are fault evidence there").isPositive();
    }

    @Test
    void errorsACalleesFailuresExplainStayASymptom() {
        var ranked = ranker.rank(topology(), List.of(signal("ErrorRateAnomaly", "api", 8),
                signal("ErrorRateAnomaly", "db", 8)), List.of(), Set.of(), Map.of(), true);
        assertThat(score(ranked, "api").fault()).isZero();
        assertThat(score(ranked, "db").fault()).isPositive();
    }

    @Test
    void theAnswerSaysWhereTheFailuresBegin() {
        var entities = List.of(Entity.of("service/site", "Service", "site"), Entity.of("service/api", "Service", "api"),
                Entity.of("service/db", "Service", "db"));
        var calls = List.of(new Relationship("CALLS", "service/site", "service/api", Map.of(), null, null),
                new Relationship("CALLS", "service/api", "service/db", Map.of(), null, null));
        var signals = List.of(signal("ErrorRateAnomaly", "api", 8), signal("ErrorRateAnomaly", "site", 5));
        var engine = new dev.taproot.rules.engine.RootCauseEngine(null, dev.taproot.rules.pack.RulePack::builtIn);
        var a = engine.analyze(new Subgraph(entities, calls, signals),
                dev.taproot.rules.engine.AnalysisRequest.of(List.of("site"), T.minusSeconds(60), T.plusSeconds(300)));
        assertThat(a.candidates().get(0).name()).isEqualTo("api");
        assertThat(dev.taproot.rules.engine.AnalysisText.render(a))
                .contains("None of the services api calls fails: its failing requests begin there.");
    }
}
