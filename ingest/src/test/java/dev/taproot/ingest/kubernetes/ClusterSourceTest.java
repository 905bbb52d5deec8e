package dev.taproot.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

/** A live cluster, served over HTTP by fabric8's Kubernetes mock server (CRUD mode: it stores what is written). */
@EnableKubernetesMockClient(crud = true)
class ClusterSourceTest {

    KubernetesClient client;
    private GraphStore store;
    private IngestService service;

    @BeforeEach
    void setUp() {
        store = TestStores.emptyEmbedded();
        service = new IngestService(store, StandardIngestors.registry());
        client.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("cart")
                .withNamespace("shop").endMetadata().withNewSpec().withSelector(Map.of("app", "cart")).addNewPort()
                .withName("grpc").withPort(7070).endPort().endSpec().build()).create();
        client.apps().deployments().inNamespace("shop").resource(deployment("shop/cart:1.0")).create();
        client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata()
                .withName("cart-7b9c6d8f5c-x2k4p").withNamespace("shop").addToLabels("app", "cart")
                .addToLabels("pod-template-hash", "7b9c6d8f5c").endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("server").withImage("shop/cart:1.0")
                .endContainer().endSpec()
                .withNewStatus().withPhase("Running").addToContainerStatuses(new ContainerStatusBuilder()
                        .withName("server").withRestartCount(3).withReady(false)
                        .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                        .build()).endStatus().build()).create();
    }

    private static Deployment deployment(String image) {
        return new DeploymentBuilder().withNewMetadata().withName("cart").withNamespace("shop").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "cart").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "cart").endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    void aClusterSnapshotIsTopologyAndPodStateSignals() {
        IngestReport report = ClusterSnapshot.ingest(client, service, "cluster:mock");
        assertThat(report.rejected()).isEmpty();
        assertThat(report.accepted()).containsEntry("Deployment", 1).containsEntry("Service", 1).containsEntry("Pod", 1);
        assertThat(store.relationships(List.of("SELECTS"), 100)).anyMatch(r -> r.fromKey().equals("service/cart")
                && r.toKey().equals("k8s/shop/Deployment/cart"));
        assertThat(store.relationships(List.of("OWNS"), 100)).anyMatch(r -> r.toKey().equals("k8s/shop/Pod/cart-7b9c6d8f5c-x2k4p"));
        assertThat(store.signals(List.of("k8s/shop/Pod/cart-7b9c6d8f5c-x2k4p"), null, null))
                .extracting(Signal::type).contains("CrashLoopBackOff", "ContainerRestart");
    }

    @Test
    void theWatchTurnsARolloutIntoADeployAndADeletedPodIntoClosedEdges() throws Exception {
        var reports = new CopyOnWriteArrayList<IngestReport>();
        try (var watch = ClusterWatch.start(client, service, "cluster:mock", Duration.ofMillis(200), reports::add)) {
            await(() -> store.entity("k8s/shop/Deployment/cart").isPresent());
            client.apps().deployments().inNamespace("shop").resource(deployment("shop/cart:2.0")).update();
            await(() -> store.signals(List.of("k8s/shop/Deployment/cart"), null, null).stream()
                    .anyMatch(s -> s.type().equals("Deploy")));
            client.pods().inNamespace("shop").withName("cart-7b9c6d8f5c-x2k4p").delete();
            await(() -> store.relationships(List.of("OWNS", "RUNS_ON"), 100).stream()
                    .noneMatch(r -> r.toKey().equals("k8s/shop/Pod/cart-7b9c6d8f5c-x2k4p")
                            || r.fromKey().equals("k8s/shop/Pod/cart-7b9c6d8f5c-x2k4p")));
        }
        Signal deploy = store.signals(List.of("k8s/shop/Deployment/cart"), null, null).stream()
                .filter(s -> s.type().equals("Deploy")).findFirst().orElseThrow();
        assertThat(deploy.attributes().get("toVersion").toString()).contains("shop/cart:2.0");
        assertThat(reports).isNotEmpty().allMatch(r -> r.rejected().isEmpty());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
