package dev.taproot.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.diagnosis.DiagnoseRequest;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.live.RealPrometheus;

/**
 * A diagnosis pulls Istio's request counter from Debian's real Prometheus through the shipped
 * {@code istio} query set and stores the calls it shows as CALLS edges, with request and 5xx counts, the
 * way traces' calls are stored: a topology with no dependency declared gets its call graph.
 */
class LiveMeshCallsTest {

    static final Instant WINDOW_START = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-11-20T10:10:00Z");

    @TempDir
    Path dir;

    private static Map<String, String> call(String from, String to, String code) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("reporter", "source");
        labels.put("source_workload", from + "-v1");
        labels.put("source_workload_namespace", "shop");
        labels.put("source_canonical_service", from);
        labels.put("destination_workload", to + "-v1");
        labels.put("destination_workload_namespace", "shop");
        labels.put("destination_canonical_service", to);
        labels.put("destination_service_name", to + ".shop.svc.cluster.local");
        labels.put("response_code", code);
        return labels;
    }

    @Test
    void istioRequestCountersPulledAtAnalysisTimeBecomeCallsWithRequestsAndErrors() throws Exception {
        Instant from = WINDOW_START.minus(Duration.ofHours(2));
        Duration step = Duration.ofSeconds(15);
        var samples = new RealPrometheus.Samples()
                .fill("istio_requests_total", call("web", "orders", "200"), from, WINDOW_END, step,
                        t -> 5.0 * (t - from.getEpochSecond()))
                .fill("istio_requests_total", call("web", "orders", "503"), from, WINDOW_END, step,
                        t -> 0.5 * (t - from.getEpochSecond()))
                .fill("istio_requests_total", call("orders", "payments", "200"), from, WINDOW_END, step,
                        t -> 2.0 * (t - from.getEpochSecond()));
        try (var prometheus = RealPrometheus.serving(samples, dir)) {
            Path file = dir.resolve("taproot.yaml");
            Files.writeString(file, """
                    store: {dataDir: data}
                    http: {port: 0}
                    sources:
                      prometheus:
                        - {name: mesh, url: "%s", querySets: [istio]}
                    """.formatted(prometheus.url()));
            var store = TestStores.emptyEmbedded();
            store.write(new GraphBatch(List.of(service("web"), service("orders"), service("payments")), List.of(),
                    List.of(), List.of()));
            try (var taproot = Taproot.over(ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE).orThrow(), store)) {
                Diagnosis d = taproot.diagnose().diagnose(DiagnoseRequest.of(List.of("web"), null, WINDOW_START, WINDOW_END));

                assertThat(d.live().problems()).isEmpty();
                assertThat(d.live().fetched()).singleElement().asString().startsWith("prometheus 'mesh': 5 queries, ")
                        .endsWith(", 1 call edge");
                List<Relationship> calls = taproot.store().relationships(List.of(RelationshipTypes.CALLS), 10);
                assertThat(calls).singleElement().satisfies(r -> {
                    assertThat(r.fromKey() + "->" + r.toKey()).isEqualTo(EntityKeys.service("web") + "->" + EntityKeys.service("orders"));
                    assertThat(r.properties()).containsEntry("source", "mesh-metrics").containsEntry("mesh", "istio");
                    // 5.5 calls a second over the hour before the window and the window: about 23,100 calls, 2,100 of them 503s
                    assertThat(((Number) r.properties().get("requests")).longValue()).isBetween(21_000L, 23_500L);
                    assertThat(((Number) r.properties().get("errors")).longValue()).isBetween(1_900L, 2_150L);
                    assertThat(((Number) r.properties().get("errorRate")).doubleValue()).isCloseTo(0.0909, org.assertj.core.data.Offset.offset(0.002));
                    assertThat(r.validFrom()).isBetween(WINDOW_START.minus(Duration.ofHours(1)), WINDOW_START.minus(Duration.ofMinutes(59)));
                });

                // the next diagnosis, of orders, reaches payments along what the first one stored
                Diagnosis next = taproot.diagnose().diagnose(DiagnoseRequest.of(List.of("orders"), null, WINDOW_START, WINDOW_END));
                assertThat(next.live().fetched()).singleElement().asString().endsWith(", 2 call edges");
                assertThat(taproot.store().relationships(List.of(RelationshipTypes.CALLS), 10))
                        .extracting(r -> r.fromKey() + "->" + r.toKey())
                        .contains(EntityKeys.service("orders") + "->" + EntityKeys.service("payments"));
            }
        }
    }

    private static Entity service(String name) {
        return Entity.of(EntityKeys.service(name), EntityTypes.SERVICE, name);
    }
}
