package dev.taproot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.api.eval.EvalReport;
import dev.taproot.api.eval.EvalRunner;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.rules.eval.CaseOutcome;
import dev.taproot.rules.eval.CaseSpec;
import dev.taproot.rules.eval.EvalSummary;
import dev.taproot.rules.pack.RulePack;

/**
 * Replays the shared labelled cases through ingest, telemetry and the engine, and fails if pooled
 * accuracy drops below what the engine reached when this test was written. To keep the suite short
 * it replays a fixed, documented subset: every {@value #STRIDE}th case in name order (all systems
 * are represented); {@code taproot eval ../shared/data/cases} runs them all.
 */
class EvalAccuracySystemTest {

    /** Every STRIDE-th case (sorted by path) is replayed. */
    static final int STRIDE = 4;
    /**
     * Pooled AC@3 and AC@1 reached on this subset are 0.81 and 0.69 (36 cases: 29 and 25; 0.61 and 0.42 before
     * the detection and ranking of issue 15); the floors leave one case of slack (28 and 24 of 36).
     */
    static final double MIN_POOLED_AC3 = 0.77;
    static final double MIN_POOLED_AC1 = 0.66;

    @Test
    void pooledAccuracyOnTheSharedCasesDoesNotDrop() {
        Path root = SharedData.require("cases");
        List<Path> cases = CaseSpec.find(root);
        assertThat(cases).hasSizeGreaterThan(100);
        List<EvalRunner.Replay> replays;
        try (EvalRunner runner = EvalRunner.over(TestStores.emptyEmbedded(), StandardIngestors.registry(), RulePack::builtIn)) {
            replays = runner.replayAll(cases, STRIDE, System.out);
        }
        var outcomes = new ArrayList<CaseOutcome>();
        replays.forEach(r -> outcomes.add(r.outcome()));
        new EvalReport(outcomes, null).print(System.out);
        EvalSummary pooled = EvalSummary.of("pooled", outcomes);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as(o.id()).isNull());
        // every analysed case was checked as a hypothesis, and the eval says how often the truth explains the most
        assertThat(outcomes).allSatisfy(o -> assertThat(o.explainsMost()).as(o.id()).isNotNull());
        // every case's expected cause is an entity of the case, so the bundle was checked for evidence of its own
        assertThat(outcomes).allSatisfy(o -> assertThat(o.ownEvidence()).as(o.id()).isNotNull());
        assertThat(new EvalReport(outcomes, null).hypothesisLine()).matches("hypothesis check: the true cause explains the most symptoms in \\d+ of \\d+ cases .*");
        assertThat(pooled.ac3()).as("pooled AC@3 on every %dth case", STRIDE).isGreaterThanOrEqualTo(MIN_POOLED_AC3);
        assertThat(pooled.ac1()).as("pooled AC@1 on every %dth case", STRIDE).isGreaterThanOrEqualTo(MIN_POOLED_AC1);
    }
}
