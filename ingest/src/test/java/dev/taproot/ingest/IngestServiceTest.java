package dev.taproot.ingest;

import dev.taproot.ingest.standard.StandardIngestors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.GraphCounts;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;

class IngestServiceTest {

    private GraphStore store;
    private IngestService service;

    @BeforeEach
    void emptyStore() {
        store = TestStores.emptyEmbedded();
        service = new IngestService(store, StandardIngestors.registry());
    }

    @Test
    void reingestingTheSameManifestChangesNothing() throws Exception {
        Path file = SharedData.require("k8s-online-boutique/release/kubernetes-manifests.yaml");
        IngestReport first = service.ingest(IngestInput.of(file, Instant.parse("2026-01-01T00:00:00Z")), true);
        GraphCounts before = store.counts();
        List<Relationship> relsBefore = sorted(store.relationships(List.of(), 10_000));

        IngestReport second = service.ingest(IngestInput.of(file, Instant.parse("2026-01-02T00:00:00Z")), true);
        GraphCounts after = store.counts();

        assertThat(first.rejected()).isEmpty();
        assertThat(second.closed()).isZero();
        assertThat(after.entities()).isEqualTo(before.entities());
        assertThat(after.relationships()).isEqualTo(before.relationships());
        assertThat(after.signals()).isEqualTo(before.signals()).isZero();
        assertThat(sorted(store.relationships(List.of(), 10_000))).isEqualTo(relsBefore);
        assertThat(relsBefore).allMatch(r -> r.validFrom() == null && r.validTo() == null);
        assertThat(first.entities()).isEqualTo(second.entities());
        // an analysis of 2022 sees the topology ingested today
        var sub = store.subgraph(new SubgraphQuery(java.util.Set.of("service/frontend"), 1,
                Instant.parse("2022-08-22T03:55:00Z"), null, null, 0));
        assertThat(sub.relationships()).anyMatch(r -> r.type().equals("DEPENDS_ON")
                && r.toKey().equals("service/cartservice"));
    }

    @Test
    void aDroppedDependencyIsClosedAndANewImageIsADeploy(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path original = SharedData.require("k8s-online-boutique/kubernetes-manifests/cartservice.yaml");
        Path copy = dir.resolve("cartservice.yaml");
        Files.writeString(copy, Files.readString(original));
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-01-02T00:00:00Z");
        service.ingest(IngestInput.of(copy, t1), true);
        assertThat(store.relationships(List.of("DEPENDS_ON"), 100))
                .contains(new Relationship("DEPENDS_ON", "service/cartservice", "service/redis-cart",
                        java.util.Map.of("via", "configuration", IngestService.SOURCE_PROPERTY, copy.toString()), null, null));

        Files.writeString(copy, Files.readString(original)
                .replace("value: \"redis-cart:6379\"", "value: \"localhost:6379\"")
                .replace("image: cartservice", "image: cartservice:v2"));
        IngestReport report = service.ingest(IngestInput.of(copy, t2), true);

        assertThat(report.closed()).isEqualTo(1);
        assertThat(store.relationships(List.of("DEPENDS_ON"), 100)).isEmpty();
        assertThat(store.relationshipsOf("service/cartservice")).filteredOn(r -> r.type().equals("DEPENDS_ON"))
                .singleElement().satisfies(r -> assertThat(r.validTo()).isEqualTo(t2));
        List<Signal> changes = store.signals(List.of("k8s/default/Deployment/cartservice"), null, null);
        assertThat(changes).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("Deploy");
            assertThat(s.start()).isEqualTo(t2);
            assertThat(s.attributes().get("toVersion").toString()).contains("cartservice:v2");
        });
        // the same new state again: no second change, nothing more closed
        IngestReport again = service.ingest(IngestInput.of(copy, Instant.parse("2026-01-03T00:00:00Z")), true);
        assertThat(again.closed()).isZero();
        assertThat(store.signals(List.of("k8s/default/Deployment/cartservice"), null, null)).hasSize(1);
    }

    @Test
    void aCaseTopologyFolderLinksEdgesToTheManifestServicesAndHosts() {
        Path topology = SharedData.require("cases/nezha-ob/nezha-ob-2022-08-22-0353/topology");
        var progress = new ArrayList<IngestService.Progress>();
        var unknown = new ArrayList<String>();
        var planned = service.plan(List.of(topology), unknown::add);
        assertThat(unknown).isEmpty();
        assertThat(planned.get(0).ingestor().format()).isEqualTo("kubernetes"); // manifests first, then edge lists
        List<IngestReport> reports = service.ingestPlanned(planned, Instant.now(), progress::add);
        assertThat(progress).allMatch(p -> p.error() == null);
        assertThat(reports).allMatch(r -> r.rejected().isEmpty());
        assertThat(store.entity("service/frontend").orElseThrow().type()).isEqualTo("Service");
        assertThat(store.relationships(List.of("CALLS"), 1000))
                .contains(relationshipFrom(store, "CALLS", "service/frontend", "service/checkoutservice"));
        assertThat(store.relationships(List.of("RUNS_ON"), 1000))
                .anyMatch(r -> r.fromKey().equals("service/adservice") && r.toKey().equals("host/33.33.33.76"));
        assertThat(store.relationships(List.of("SELECTS"), 1000))
                .anyMatch(r -> r.fromKey().equals("service/frontend") && r.toKey().endsWith("/Deployment/frontend"));
    }

    @Test
    void aConfigMapWhoseDataChangedIsAConfigChangeOnIt() throws Exception {
        String v1 = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: flags, namespace: shop}\ndata: {NEW_CHECKOUT: \"off\"}\n";
        Instant t2 = Instant.parse("2026-01-02T00:00:00Z");
        service.ingest(new IngestInput("flags.yaml", v1.getBytes(), Instant.parse("2026-01-01T00:00:00Z")), true);
        service.ingest(new IngestInput("flags.yaml", v1.getBytes(), t2), true);
        assertThat(store.counts().signals()).isZero();
        IngestReport changed = service.ingest(new IngestInput("flags.yaml", v1.replace("off", "on").getBytes(), t2), true);
        assertThat(changed.accepted()).containsEntry("ConfigChange", 1);
        assertThat(store.signals(List.of("k8s/shop/ConfigMap/flags"), null, null)).singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo("ConfigChange");
                    assertThat(s.start()).isEqualTo(t2);
                });
    }

    @Test
    void malformedInputStoresNothing() {
        String yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\nkind: [\n";
        assertThatThrownBy(() -> service.ingest(IngestInput.of("request", yaml), "kubernetes", false))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("document 2");
        assertThat(store.counts().entities()).isZero();
    }

    private static Relationship relationshipFrom(GraphStore store, String type, String from, String to) {
        return store.relationships(List.of(type), 1000).stream()
                .filter(r -> r.fromKey().equals(from) && r.toKey().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + from + " -" + type + "-> " + to));
    }

    private static List<Relationship> sorted(List<Relationship> rels) {
        return rels.stream().sorted(java.util.Comparator.comparing(Relationship::identity)).toList();
    }
}
