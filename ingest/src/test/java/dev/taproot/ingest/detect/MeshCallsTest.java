package dev.taproot.ingest.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.live.RecordedBackend;
import dev.taproot.ingest.metrics.PrometheusMatrixParser;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.telemetry.TelemetryFormat;
import dev.taproot.ingest.telemetry.TelemetryIngestor;

/**
 * CALLS edges from mesh request metrics (recorded {@code query_range} answers under
 * {@code src/test/resources/live/prometheus/}): Istio's shipped calls query, Linkerd's raw counters and
 * OpenTelemetry's service-graph counters, ingested as lone {@code .prom.json} files and as a window with a
 * baseline.
 */
class MeshCallsTest {

    static final Instant WINDOW_START = Instant.parse("2026-12-04T10:00:00Z");

    private static Map<String, Relationship> callsOf(String resource, String name) throws Exception {
        var writer = new GraphWriter();
        IngestResult result = new TelemetryIngestor(TelemetryFormat.PROMETHEUS, new TelemetryAnalyzer(),
                TelemetryEntities.Graph.NONE).ingest(new IngestInput(name, RecordedBackend.resource(resource), WINDOW_START), writer);
        var calls = new java.util.LinkedHashMap<String, Relationship>();
        writer.batch().relationships().stream().filter(r -> r.type().equals(RelationshipTypes.CALLS))
                .forEach(r -> calls.put(r.fromKey() + "->" + r.toKey(), r));
        assertThat(result.accepted()).containsEntry("calls", calls.size());
        return calls;
    }

    @Test
    void istioRatesBetweenWorkloadsBecomeCallsWithTheirRequestCountsAndTheFirstCall() throws Exception {
        var calls = callsOf("prometheus/istio-calls.json", "istio.calls_per_second.prom.json");

        assertThat(calls).containsOnlyKeys(EntityKeys.service("frontend") + "->" + EntityKeys.service("checkout-v2"),
                EntityKeys.service("checkout-v2") + "->" + EntityKeys.service("payments"));
        Relationship first = calls.get(EntityKeys.service("frontend") + "->" + EntityKeys.service("checkout-v2"));
        assertThat(first.properties()).containsEntry("requests", 1200L).containsEntry("errors", 0L)
                .containsEntry("source", "mesh-metrics").containsEntry("mesh", "istio");
        assertThat(first.validFrom()).isEqualTo(WINDOW_START);
        assertThat(first.validTo()).isNull();
        Relationship later = calls.get(EntityKeys.service("checkout-v2") + "->" + EntityKeys.service("payments"));
        assertThat(later.properties()).containsEntry("requests", 450L);
        assertThat(later.validFrom()).isEqualTo(WINDOW_START.plusSeconds(150));
    }

    /** response_total (success 1800 + failure 605, across a counter reset) and request_total (2400) count the same calls. */
    @Test
    void linkerdCountersCountTheirIncreaseAcrossAResetAndTheSameCallsAreNotCountedTwice() throws Exception {
        var calls = callsOf("prometheus/linkerd-response-total.json", "linkerd.prom.json");

        assertThat(calls).containsOnlyKeys(EntityKeys.service("web") + "->" + EntityKeys.service("orders"));
        assertThat(calls.values().iterator().next().properties()).containsEntry("requests", 2405L)
                .containsEntry("errors", 605L).containsEntry("errorRate", 0.251559).containsEntry("mesh", "linkerd");
    }

    @Test
    void serviceGraphCountersGiveRequestsAndFailuresAndLatencyBucketsOnlyAttestTheEdge() throws Exception {
        var calls = callsOf("prometheus/service-graph.json", "service-graph.prom.json");

        assertThat(calls).containsOnlyKeys(EntityKeys.service("gateway") + "->" + EntityKeys.service("inventory"));
        assertThat(calls.values().iterator().next().properties()).containsEntry("requests", 6000L)
                .containsEntry("errors", 300L).containsEntry("errorRate", 0.05).containsEntry("mesh", "service-graph");
    }

    @Test
    void anEdgeSeenOnlyInTheBaselineIsStillACallAndAWindowEdgeCountsTheWindow() throws Exception {
        var parser = new PrometheusMatrixParser();
        var istio = parser.parse(new IngestInput("istio.calls_per_second.prom.json",
                RecordedBackend.resource("prometheus/istio-calls.json"), WINDOW_START));
        var linkerd = parser.parse(new IngestInput("linkerd.prom.json",
                RecordedBackend.resource("prometheus/linkerd-response-total.json"), WINDOW_START));
        var writer = new GraphWriter();
        TelemetryReport report = new TelemetryAnalyzer().analyze(new Evidence(List.of(istio), List.of(), List.of()),
                new Evidence(List.of(linkerd), List.of(), List.of()), new AnalysisWindow(WINDOW_START, WINDOW_START.plusSeconds(600)),
                TelemetryEntities.Graph.NONE, writer);

        assertThat(report.count("calls")).isEqualTo(3);
        assertThat(writer.batch().relationships()).filteredOn(r -> r.type().equals(RelationshipTypes.CALLS))
                .extracting(r -> r.fromKey() + "->" + r.toKey() + " " + r.properties().get("requests"))
                .containsExactlyInAnyOrder("service/frontend->service/checkout-v2 1200", "service/checkout-v2->service/payments 450",
                        "service/web->service/orders 2405");
    }

    @Test
    void seriesThatNameOnlyOneEndOrAnUnknownEndAreNoCalls() throws Exception {
        String body = """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"destination_workload":"orders","destination_workload_namespace":"shop"},"values":[[0,"1"],[15,"1"]]},
                  {"metric":{"source_workload":"unknown","destination_workload":"orders"},"values":[[0,"1"],[15,"1"]]},
                  {"metric":{"__name__":"response_total","namespace":"shop","deployment":"orders"},"values":[[0,"1"],[15,"2"]]},
                  {"metric":{"__name__":"traces_service_graph_request_total","client":"a"},"values":[[0,"1"],[15,"2"]]}
                ]}}""";
        var writer = new GraphWriter();
        new TelemetryIngestor(TelemetryFormat.PROMETHEUS, new TelemetryAnalyzer(), TelemetryEntities.Graph.NONE)
                .ingest(new IngestInput("mixed.prom.json", body.getBytes(), WINDOW_START), writer);
        assertThat(writer.batch().relationships()).noneMatch(r -> r.type().equals(RelationshipTypes.CALLS));
    }
}
