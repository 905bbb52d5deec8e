package dev.taproot.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.live.RealPrometheus;
import dev.taproot.rules.eval.CaseSpec;
import dev.taproot.rules.pack.RulePack;

/**
 * One path for evaluation and live use: shared cases' recorded metrics backfilled into Debian's real
 * Prometheus ({@code promtool tsdb create-blocks-from openmetrics}) and asked through the live path
 * ({@link dev.taproot.api.live.ConfiguredSources}, PromQL over HTTP) rank every case exactly as the replay
 * of the files does. Every STRIDE-th case of the three systems is replayed both ways.
 */
class PrometheusReplayTest {

    static final int STRIDE = 6;

    @TempDir
    Path dir;

    @Test
    void casesAskedFromARealPrometheusRankAsTheirFiles() throws Exception {
        List<Path> all = CaseSpec.find(SharedData.require("cases"));
        var cases = new ArrayList<CaseSpec>();
        for (int i = 0; i < all.size(); i += STRIDE) {
            cases.add(CaseSpec.read(all.get(i)));
        }
        Path openMetrics = dir.resolve("cases.om.txt");
        long samples = CaseMetrics.writeOpenMetrics(cases, openMetrics);
        assertThat(samples).isGreaterThan(10_000);
        int same = 0;
        var differ = new ArrayList<String>();
        try (RealPrometheus prometheus = RealPrometheus.backfilled(openMetrics, dir);
             EvalRunner runner = EvalRunner.over(TestStores.emptyEmbedded(), StandardIngestors.registry(), RulePack::builtIn)) {
            var fromFiles = new ArrayList<List<String>>();
            for (CaseSpec spec : cases) {
                EvalRunner.Replay r = runner.replay(spec);
                assertThat(r.outcome().error()).as(spec.id()).isNull();
                fromFiles.add(r.outcome().ranking());
            }
            runner.pullingMetricsWith(new dev.taproot.api.live.PrometheusCasePull(prometheus.url()));
            for (int i = 0; i < cases.size(); i++) {
                CaseSpec spec = cases.get(i);
                EvalRunner.Replay live = runner.replay(spec);
                assertThat(live.outcome().error()).as(spec.id()).isNull();
                assertThat(live.loaded().fetched()).as("what %s fetched", spec.id()).singleElement().asString()
                        .startsWith("prometheus 'cases'").doesNotContain(" 0 of ");
                assertThat(live.loaded().notes()).as(spec.id()).noneMatch(n -> n.startsWith("prometheus"));
                if (live.outcome().ranking().equals(fromFiles.get(i))) {
                    same++;
                } else {
                    differ.add(spec.id() + ": files " + fromFiles.get(i) + " vs prometheus " + live.outcome().ranking());
                }
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
        assertThat(differ).as("cases ranked differently from Prometheus than from their files").isEmpty();
        assertThat(same).isEqualTo(cases.size());
    }
}
