package dev.taproot.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.EntityResolver;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.detect.TelemetryConfig;
import dev.taproot.ingest.detect.TelemetryEntities;

/**
 * Identity across namespaces, on DeathStarBench's real manifests: socialNetwork and mediaMicroservices
 * both run a {@code user-service} (and a {@code text-service}), in namespaces {@code social-network} and
 * {@code media-microsvc}. Ingested one after the other they are two services, each selecting its own
 * Deployment; a metric series, an alert and an event naming the namespace reach the right one; a ReplicaSet
 * named {@code <deployment>-<hash>} that the graph does not hold resolves to its Deployment.
 */
class NamespacedServicesTest {

    private GraphStore store;
    private IngestService ingest;

    @BeforeEach
    void emptyStore() {
        store = dev.taproot.graph.testing.TestStores.emptyEmbedded();
        ingest = new IngestService(store, StandardIngestors.registry());
    }

    private void ingestManifest(String path) throws Exception {
        ingest.ingest(IngestInput.of(SharedData.require(path), Instant.now()), false);
    }

    private void ingestBoth() throws Exception {
        ingestManifest("k8s-deathstarbench/socialNetwork/openshift/user-service.yaml");
        ingestManifest("k8s-deathstarbench/socialNetwork/openshift/text-service.yaml");
        ingestManifest("k8s-deathstarbench/mediaMicroservices/openshift/user-service.yaml");
        ingestManifest("k8s-deathstarbench/mediaMicroservices/openshift/text-service.yaml");
    }

    private List<Entity> services(String name) {
        return store.findEntities(name).stream().filter(e -> e.type().equals(EntityTypes.SERVICE)).toList();
    }

    private String selected(String serviceKey) {
        return store.relationshipsOf(serviceKey).stream()
                .filter(r -> r.type().equals(RelationshipTypes.SELECTS) && r.fromKey().equals(serviceKey))
                .map(Relationship::toKey).filter(k -> k.contains("/Deployment/")).findFirst().orElse(null);
    }

    @Test
    void theSameServiceNameInTwoNamespacesIsTwoServicesEachSelectingItsOwnDeployment() throws Exception {
        ingestBoth();

        assertThat(services("user-service")).extracting(Entity::key, e -> e.properties().get("namespace"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(EntityKeys.service("user-service"), "social-network"),
                        org.assertj.core.groups.Tuple.tuple(EntityKeys.service("user-service", "media-microsvc"), "media-microsvc"));
        assertThat(selected(EntityKeys.service("user-service")))
                .isEqualTo(EntityKeys.k8s("social-network", "Deployment", "user-service"));
        assertThat(selected(EntityKeys.service("user-service", "media-microsvc")))
                .isEqualTo(EntityKeys.k8s("media-microsvc", "Deployment", "user-service"));
        assertThat(services("text-service")).hasSize(2);

        // ingesting the same manifests again keeps the keys: the store says which namespace holds the plain one
        ingestBoth();
        assertThat(services("user-service")).hasSize(2);
        assertThat(store.findEntities(EntityKeys.service("user-service"))).singleElement()
                .satisfies(e -> assertThat(e.properties()).containsEntry("namespace", "social-network"));
    }

    @Test
    void aSeriesAnAlertAndAnEventNamingTheNamespaceReachTheServiceOfThatNamespace() throws Exception {
        ingestBoth();

        var entities = new TelemetryEntities(TelemetryEntities.Graph.of(store), TelemetryConfig.DEFAULTS.nodeMetricPrefixes());
        assertThat(entities.resolve(Map.of("service", "user-service", "namespace", "media-microsvc"), "requests_total"))
                .get().extracting(TelemetryEntities.Resolution::entityKey)
                .isEqualTo(EntityKeys.service("user-service", "media-microsvc"));
        assertThat(entities.resolve(Map.of("service", "user-service", "namespace", "social-network"), "requests_total"))
                .get().extracting(TelemetryEntities.Resolution::entityKey).isEqualTo(EntityKeys.service("user-service"));
        assertThat(entities.resolve(Map.of("service", "user-service"), "requests_total")).get()
                .extracting(TelemetryEntities.Resolution::entityKey).isEqualTo(EntityKeys.service("user-service"));

        String alert = """
                {"version": "4", "status": "firing", "receiver": "taproot", "groupKey": "g", "groupLabels": {},
                 "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://am",
                 "alerts": [{"status": "firing", "labels": {"alertname": "HighErrorRate", "service": "user-service",
                   "namespace": "media-microsvc", "severity": "critical"}, "annotations": {"summary": "errors"},
                   "startsAt": "2026-12-01T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "f1"}]}
                """;
        ingest.ingest(new IngestInput("alertmanager.json", alert.getBytes(StandardCharsets.UTF_8), Instant.now()), "alertmanager", false);
        assertThat(store.signals(List.of(EntityKeys.service("user-service", "media-microsvc")),
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"))).isNotEmpty();
        assertThat(store.signals(List.of(EntityKeys.service("user-service")),
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"))).isEmpty();

        String events = """
                [{"apiVersion": "v1", "kind": "Event", "metadata": {"name": "e1", "namespace": "media-microsvc"},
                  "involvedObject": {"kind": "ReplicaSet", "name": "user-service-5d8f7c9b6d", "namespace": "media-microsvc"},
                  "reason": "FailedCreate", "type": "Warning", "count": 4,
                  "message": "Error creating: pods \\"user-service-5d8f7c9b6d-\\" is forbidden: exceeded quota",
                  "firstTimestamp": "2026-12-01T10:01:00Z", "lastTimestamp": "2026-12-01T10:05:00Z"}]
                """;
        ingest.ingest(new IngestInput("quota.events.json", events.getBytes(StandardCharsets.UTF_8), Instant.now()), false);
        String deployment = EntityKeys.k8s("media-microsvc", "Deployment", "user-service");
        assertThat(store.signals(List.of(deployment), Instant.parse("2026-12-01T09:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"))).extracting(s -> s.entityKey()).containsOnly(deployment).isNotEmpty();
    }

    @Test
    void aReplicaSetTheGraphHoldsIsItselfAndAnAddressMayNameItsNamespace() {
        var resolver = EntityResolver.standalone();
        resolver.register(Entity.of(EntityKeys.k8s("shop", "Deployment", "cart"), EntityTypes.DEPLOYMENT, "cart"));
        assertThat(resolver.replicaSetKey("cart-7b9c6d8f5c", "shop")).isEqualTo(EntityKeys.k8s("shop", "Deployment", "cart"));
        assertThat(resolver.replicaSetKey("cart-7b9c6d8f5c", "other")).isEqualTo(EntityKeys.k8s("other", "ReplicaSet", "cart-7b9c6d8f5c"));
        resolver.register(Entity.of(EntityKeys.k8s("shop", "ReplicaSet", "cart-7b9c6d8f5c"), EntityTypes.REPLICA_SET, "cart-7b9c6d8f5c"));
        assertThat(resolver.replicaSetKey("cart-7b9c6d8f5c", "shop")).isEqualTo(EntityKeys.k8s("shop", "ReplicaSet", "cart-7b9c6d8f5c"));

        assertThat(EntityResolver.namespaceOfAddress("http://cart.shop.svc.cluster.local:8080/x")).contains("shop");
        assertThat(EntityResolver.namespaceOfAddress("cart.shop.svc:7070")).contains("shop");
        assertThat(EntityResolver.namespaceOfAddress("cart:7070")).isEmpty();
        assertThat(EntityResolver.namespaceOfAddress("api.example.com")).isEmpty();
    }
}
