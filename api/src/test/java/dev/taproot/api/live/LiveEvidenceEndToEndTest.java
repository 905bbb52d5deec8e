package dev.taproot.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
import dev.taproot.ingest.live.RecordedBackend;

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
}
