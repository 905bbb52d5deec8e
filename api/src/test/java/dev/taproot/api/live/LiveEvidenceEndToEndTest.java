package dev.taproot.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.live.JaegerSource;
import dev.taproot.ingest.live.LiveEndpoint;
import dev.taproot.ingest.live.PrometheusRangeSource;
import dev.taproot.ingest.live.RecordedBackend;
import dev.taproot.ingest.live.TelemetrySource;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * A real Taproot over the embedded store with a Jaeger source in taproot.yaml, served recorded answers
 * over HTTP: a diagnosis of the front service fetches the traces of the window and the hour before,
 * stores the signals and the call graph they show, and names the service whose spans failed.
 */
class LiveEvidenceEndToEndTest {

    static final Instant WINDOW_START = Instant.parse("2026-12-04T10:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-12-04T10:10:00Z");

    @TempDir
    Path dir;

    private Taproot taproot(String sources) throws Exception {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, "store: {dataDir: data}\nhttp: {port: 0}\nsources:\n" + sources);
        var config = ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE).orThrow();
        var store = TestStores.emptyEmbedded();
        store.write(new GraphBatch(List.of(service("web"), service("orders"), service("payments")), List.of(), List.of(),
                List.of()));
        return Taproot.over(config, store);
    }

    private static Entity service(String name) {
        return Entity.of(EntityKeys.service(name), EntityTypes.SERVICE, name);
    }

    @Test
    void aDiagnosisFetchesTheTracesOfTheWindowAndNamesTheServiceWhoseSpansFailed() throws Exception {
        try (var jaeger = new RecordedBackend().serve("/api/traces", "jaeger/traces.json");
             var taproot = taproot("""
                       jaeger:
                         - name: prod
                           url: %s
                           deadline: 5s
                     """.formatted(jaeger.url()))) {
            Diagnosis d = taproot.diagnose().diagnose(DiagnoseRequest.of(List.of("web"), null, WINDOW_START, WINDOW_END));

            assertThat(d.live().problems()).isEmpty();
            assertThat(d.live().fetched()).singleElement().asString()
                    .startsWith("jaeger 'prod': 36 traces, 180 spans, ").contains(" signals, 2 call edges");
            assertThat(jaeger.seen()).singleElement().satisfies(r -> assertThat(r.uri().getQuery())
                    .contains("service=web").contains("start=" + WINDOW_START.minusSeconds(3600).getEpochSecond() + "000000"));
            assertThat(d.analysis().candidates()).extracting(c -> c.name()).contains("payments");
            assertThat(d.analysis().top().name()).isEqualTo("payments");
            assertThat(taproot.store().relationships(List.of(RelationshipTypes.CALLS), 10))
                    .extracting(r -> r.fromKey() + "->" + r.toKey())
                    .contains(EntityKeys.service("orders") + "->" + EntityKeys.service("payments"));
        }
    }

    @Test
    void aSourceThatFailsIsAProblemLineAndTheDiagnosisStillAnswers() throws Exception {
        try (var loki = new RecordedBackend().requireAuthorization("Bearer right");
             var taproot = taproot("""
                       loki:
                         - {name: logs, url: "%s", auth: {bearerToken: wrong}}
                       jaeger:
                         - {name: prod, url: "http://127.0.0.1:9", deadline: 2s}
                     """.formatted(loki.url()))) {
            Diagnosis d = taproot.diagnose().diagnose(DiagnoseRequest.of(List.of("web"), null, WINDOW_START, WINDOW_END));

            assertThat(d.live().fetched()).isEmpty();
            assertThat(d.live().problems()).hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("loki 'logs': ").contains("answered HTTP 401"))
                    .anySatisfy(p -> assertThat(p).startsWith("jaeger 'prod': cannot reach http://127.0.0.1:9/api/traces"));
            assertThat(d.analysis()).isNotNull();
        }
    }

    @Test
    void prometheusSeriesOfTheNamedServicesBecomeSignalsAndALateSourceIsCutAtTheOverallDeadline() throws Exception {
        try (var prometheus = new RecordedBackend().serve("/api/v1/query_range", "prometheus/query_range.json");
             var slow = new RecordedBackend().serve("/api/traces", "jaeger/traces.json").delay(5_000);
             var taproot = taproot("")) {
            var sources = List.<TelemetrySource>of(
                    new PrometheusRangeSource(new PrometheusSource("prod", prometheus.url(), null, null, 0,
                            Map.of("errors", "sum by (namespace, service) (rate(http_server_errors_total[5m]))"))),
                    new JaegerSource(new LiveEndpoint("jaeger", "slow", slow.url(), null, Duration.ofSeconds(30), 0), 0));
            try (var live = new ConfiguredSources(sources, taproot.ingest(), taproot.store(), Duration.ofHours(1),
                    Duration.ofMillis(1_500))) {
                long started = System.nanoTime();
                var fetched = live.gather(List.of("payments"), WINDOW_START, WINDOW_END);

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
                assertThat(fetched.fetched()).singleElement().asString()
                        .startsWith("prometheus 'prod': 1 query, 1 of 2 series about the services, ").contains(" signal");
                assertThat(fetched.problems()).containsExactly(
                        "jaeger 'slow': no answer within the analysis' deadline of 1500 ms");
                assertThat(prometheus.seen()).singleElement().satisfies(r -> assertThat(r.uri().getQuery())
                        .contains("start=" + WINDOW_START.minusSeconds(3600).getEpochSecond())
                        .contains("end=" + WINDOW_END.getEpochSecond()).contains("step=15s"));
                assertThat(taproot.store().signals(List.of(EntityKeys.service("payments")), WINDOW_START, WINDOW_END))
                        .isNotEmpty();
            }
        }
    }
}
