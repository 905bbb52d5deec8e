package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
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
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.SignalStrength;
import dev.taproot.rules.ranking.SymptomFamilies;

/**
 * "web availability dropped" when no detector flagged web: the report is where the walk starts, so the failing
 * dependency below web is found rather than whatever moved most elsewhere, and web itself is never blamed for it.
 */
class ReportedSymptomsTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    /** web calls listings and search; listings calls db. */
    private static Subgraph graph(List<Signal> signals) {
        var entities = new ArrayList<Entity>();
        for (String s : List.of("web", "listings", "search", "db")) {
            entities.add(Entity.of("service/" + s, "Service", s));
        }
        var calls = new ArrayList<Relationship>();
        for (String[] e : new String[][] {{"web", "listings"}, {"web", "search"}, {"listings", "db"}}) {
            calls.add(new Relationship("CALLS", "service/" + e[0], "service/" + e[1], Map.of(), null, null));
        }
        return new Subgraph(entities, calls, signals);
    }

    /** listings fails a little (a faint availability drop); search is very slow, a much bigger anomaly. */
    private static List<Signal> signals() {
        return List.of(
                new Signal("e/listings", "ErrorRateAnomaly", "service/listings", "availability", Severity.WARNING,
                        T.plusSeconds(120), T.plusSeconds(600), Map.of("score", 5.8, "direction", "down",
                                "metric", "availability_average"), "test"),
                new Signal("l/search", "LatencyAnomaly", "service/search", "latency", Severity.WARNING,
                        T.plusSeconds(60), T.plusSeconds(600), Map.of("score", 40.0, "direction", "up",
                                "metric", "latency_p90", "observed", 5.6, "baseline", 2.4), "test"));
    }

    private static Analysis ask(String text) {
        var engine = new RootCauseEngine(null, RulePack::builtIn);
        return engine.analyze(graph(signals()), new AnalysisRequest(List.of("web"), null, text, T, T.plusSeconds(1200),
                0, Set.of(), 0));
    }

    @Test
    void aReportedAvailabilityDropIsExplainedByTheFailingDependencyNotTheBiggestAnomaly() {
        Analysis errors = ask("web availability is anomalous");

        assertThat(errors.candidates()).isNotEmpty();
        assertThat(errors.candidates().get(0).name()).isEqualTo("listings");
        assertThat(errors.candidates()).extracting(Candidate::name).doesNotContain("web");

        Analysis latency = ask("web latency is high");
        assertThat(latency.candidates().get(0).name()).as("the report names the family: latency leads to search")
                .isEqualTo("search");
    }

    @Test
    void aSymptomThatShowsTheNamedFamilyGetsNoReportAndNoTextMeansNoReport() {
        var vocabulary = Vocabulary.standard();
        var reported = new ReportedSymptoms(vocabulary);
        var measured = new ArrayList<>(signals());
        measured.add(new Signal("e/web", "ErrorRateAnomaly", "service/web", "availability", Severity.WARNING,
                T.plusSeconds(150), T.plusSeconds(600), Map.of("score", 4.0, "direction", "down"), "test"));
        var topology = new Topology(graph(measured), vocabulary);

        assertThat(reported.add(topology, measured, Set.of("service/web"), SymptomFamilies.of("availability dropped"), T,
                T.plusSeconds(1200))).isEqualTo(measured);
        assertThat(reported.add(topology, signals(), Set.of("service/web"), SymptomFamilies.ALL, T, T.plusSeconds(1200)))
                .isEqualTo(signals());

        List<Signal> added = reported.add(new Topology(graph(signals()), vocabulary), signals(), Set.of("service/web"),
                SymptomFamilies.of("availability dropped"), T, T.plusSeconds(1200));
        assertThat(added).hasSize(3);
        Signal report = added.get(2);
        assertThat(report.entityKey()).isEqualTo("service/web");
        assertThat(report.type()).isEqualTo("ErrorRate");
        assertThat(report.attributes()).containsKey(SignalStrength.REPORTED);
        assertThat(report.start()).as("began when the first thing below web went wrong").isEqualTo(T.plusSeconds(60));
    }
}
