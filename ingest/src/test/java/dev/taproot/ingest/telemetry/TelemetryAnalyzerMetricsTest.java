package dev.taproot.ingest.telemetry;

import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.detect.TelemetryEntities;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;

class TelemetryAnalyzerMetricsTest {

    private final TelemetryAnalyzer analyzer = new TelemetryAnalyzer();

    private static List<Signal> byScore(GraphWriter w) {
        return w.batch().signals().stream()
                .sorted(Comparator.comparingDouble((Signal s) -> s.number("score", 0)).reversed()).toList();
    }

    @Test
    void cpuContentionCaseYieldsACpuAnomalyOnTheFaultyServicesPodAmongTheTopScores() throws Exception {
        CaseFixture c = CaseFixture.read(SharedData.require("cases/nezha-ob/nezha-ob-2022-08-22-0436"));
        assertThat(c.faultType()).isEqualTo("cpu_contention");
        var writer = new GraphWriter();
        TelemetryReport report = analyzer.analyze(new TelemetryRequest(c.signals(), c.baseline(), c.window()),
                c.graph(), writer);
        List<Signal> top = byScore(writer).subList(0, 5);
        String expected = "service/" + c.rootCause();
        assertThat(top).anySatisfy(s -> {
            assertThat(s.type()).isEqualTo("CPUAnomaly");
            assertThat(s.entityKey()).isEqualTo(expected);
            assertThat((String) s.attributes().get("pod")).startsWith(c.rootCause() + "-");
            assertThat(s.attributes()).containsEntry("direction", "up").containsKeys("baseline", "observed", "metric");
            assertThat(s.start()).isBetween(c.window().start(), c.window().end());
        });
        assertThat(report.count("series.scored")).isPositive();
        assertThat(report.count("series.unresolved")).isZero();
    }

    @Test
    void nodeLevelMetricsLandOnTheNodeNotOnEveryPod() throws Exception {
        CaseFixture c = CaseFixture.read(SharedData.require("cases/nezha-ob/nezha-ob-2022-08-22-0436"));
        var writer = new GraphWriter();
        analyzer.analyze(new TelemetryRequest(c.signals(), c.baseline(), c.window()), c.graph(), writer);
        assertThat(writer.batch().signals()).filteredOn(s -> s.name().startsWith("node_"))
                .allSatisfy(s -> assertThat(s.entityKey()).startsWith("k8s/Node/"));
    }

    @Test
    void withoutAGraphPodsStillResolveByTheirNameFormAndNodeSeriesAreCountedUnresolved() throws Exception {
        CaseFixture c = CaseFixture.read(SharedData.require("cases/nezha-ob/nezha-ob-2022-08-22-0436"));
        var writer = new GraphWriter();
        TelemetryReport report = analyzer.analyze(new TelemetryRequest(c.signals(), c.baseline(), c.window()),
                TelemetryEntities.Graph.NONE, writer);
        assertThat(writer.batch().signals()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.entityKey()).startsWith("service/"));
        assertThat(writer.batch().entities()).anySatisfy(e -> assertThat(e.key()).isEqualTo("service/" + c.rootCause()));
        assertThat(report.count("series.unresolved")).isEqualTo(30); // node_* series x 10 pods, no RUNS_ON known
        assertThat(report.unresolved()).allSatisfy(u -> assertThat(u).startsWith("node_"));
    }

    @Test
    void aLonePrometheusFileThroughTheIngestorUsesItsFirstHalfAsBaseline() throws Exception {
        String body = """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"http_server_latency_seconds","service":"checkout"},
                   "values":[[0,"0.10"],[60,"0.11"],[120,"0.09"],[180,"0.10"],[240,"0.10"],[300,"0.11"],
                             [360,"0.10"],[420,"0.50"],[480,"0.55"],[540,"0.52"]]},
                  {"metric":{"__name__":"http_server_latency_seconds","service":"cart"},
                   "values":[[0,"0.10"],[60,"0.11"],[120,"0.09"],[180,"0.10"],[240,"0.10"],[300,"0.11"],
                             [360,"0.10"],[420,"0.10"],[480,"0.11"],[540,"0.10"]]},
                  {"metric":{"__name__":"orphan_metric"},"values":[[0,"1"]]}
                ]}}""";
        var ingestor = new TelemetryIngestor(TelemetryFormat.PROMETHEUS, analyzer, TelemetryEntities.Graph.NONE);
        var input = new IngestInput("upload.prom.json", body.getBytes(), Instant.now());
        assertThat(ingestor.accepts(input)).isTrue();
        var writer = new GraphWriter();
        IngestResult result = ingestor.ingest(input, writer);
        assertThat(writer.batch().signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("LatencyAnomaly");
            assertThat(s.entityKey()).isEqualTo("service/checkout");
            assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(420));
            assertThat(s.end()).isEqualTo(Instant.ofEpochSecond(540));
        });
        assertThat(result.accepted()).containsEntry("series", 3).containsEntry("LatencyAnomaly", 1);
        assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("orphan_metric"));
    }
}
