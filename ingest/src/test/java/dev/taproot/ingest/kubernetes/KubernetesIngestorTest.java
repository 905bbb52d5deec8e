package dev.taproot.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.MalformedInputException;

class KubernetesIngestorTest {

    private static final Set<String> MODELLED = Set.of("Namespace", "Node", "Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "Job", "CronJob", "Pod", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim",
            "PersistentVolume", "HorizontalPodAutoscaler", "Ingress", "EndpointSlice", "Endpoints");

    private final KubernetesIngestor ingestor = new KubernetesIngestor();

    static Stream<Path> boutiqueFiles() throws IOException {
        Path root = SharedData.require("k8s-online-boutique");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    /** Objects per kind, counted with SnakeYAML independently of the ingestor. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> kindsIn(Path file) throws IOException {
        var counts = new TreeMap<String, Integer>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
            if (doc instanceof Map<?, ?> m && m.get("kind") != null) {
                counts.merge(m.get("kind").toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @ParameterizedTest
    @MethodSource("boutiqueFiles")
    void everyBoutiqueManifestIsReadWithOneRecordPerModelledObject(Path file) throws Exception {
        Map<String, Integer> expected = kindsIn(file);
        var writer = new GraphWriter();
        IngestInput input = IngestInput.of(file, Instant.now());
        assertThat(ingestor.accepts(input)).as("accepts " + file).isEqualTo(!expected.isEmpty());
        IngestResult result = ingestor.ingest(input, writer);

        assertThat(result.rejected()).isEmpty();
        var modelled = new TreeMap<String, Integer>();
        expected.forEach((k, v) -> {
            if (MODELLED.contains(k)) {
                modelled.put(k, v);
            }
        });
        assertThat(result.accepted()).isEqualTo(modelled);
        GraphBatch batch = writer.batch();
        long deployments = expected.getOrDefault("Deployment", 0);
        assertThat(batch.entities().stream().filter(e -> e.type().equals("Deployment")).count()).isEqualTo(deployments);
        // every workload maps to a service
        batch.entities().stream().filter(e -> e.type().equals("Deployment")).forEach(d ->
                assertThat(batch.relationships()).anyMatch(r -> r.type().equals("SELECTS") && r.toKey().equals(d.key())));
        // file topology is valid since ever
        assertThat(batch.relationships()).allMatch(r -> r.validFrom() == null && r.validTo() == null);
        if (expected.keySet().stream().anyMatch(k -> !MODELLED.contains(k))) {
            assertThat(writer.notes()).anyMatch(n -> n.startsWith("kinds not modelled, ignored"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void releaseManifestDependenciesAreTheServicesNamedInEnvValues() throws Exception {
        Path file = SharedData.require("k8s-online-boutique/release/kubernetes-manifests.yaml");
        // independently: services defined, and env values "<service>:<port>" per deployment
        var services = new HashSet<String>();
        var envByDeployment = new HashMap<String, List<String>>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (!(doc instanceof Map<?, ?> m)) {
                continue;
            }
            String name = ((Map<String, Object>) m.get("metadata")).get("name").toString();
            if ("Service".equals(m.get("kind"))) {
                services.add(name);
            }
            if ("Deployment".equals(m.get("kind"))) {
                var values = new ArrayList<String>();
                var spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) m.get("spec"))
                        .get("template")).get("spec");
                for (Object c : (List<Object>) spec.get("containers")) {
                    for (Object e : (List<Object>) ((Map<String, Object>) c).getOrDefault("env", List.of())) {
                        Object v = ((Map<String, Object>) e).get("value");
                        if (v != null) {
                            values.add(v.toString());
                        }
                    }
                }
                envByDeployment.put(name, values);
            }
        }
        var expected = new HashSet<String>();
        envByDeployment.forEach((deployment, values) -> values.forEach(v -> {
            String host = v.contains(":") ? v.substring(0, v.indexOf(':')) : v;
            if (services.contains(host) && !host.equals(deployment)) {
                expected.add(EntityKeys.service(deployment) + "->" + EntityKeys.service(host));
            }
        }));
        assertThat(expected).contains("service/cartservice->service/redis-cart", "service/frontend->service/cartservice");

        var writer = new GraphWriter();
        ingestor.ingest(IngestInput.of(file, Instant.now()), writer);
        var actual = new HashSet<String>();
        writer.batch().relationships().stream().filter(r -> r.type().equals("DEPENDS_ON"))
                .forEach(r -> actual.add(r.fromKey() + "->" + r.toKey()));
        assertThat(actual).isEqualTo(expected);

        // Services select their deployments; the Kubernetes Service is the logical service, with DNS aliases
        assertThat(writer.batch().relationships()).contains(
                Relationship.of("SELECTS", "service/cartservice", "k8s/default/Deployment/cartservice"));
        assertThat(writer.written("service/cartservice").orElseThrow().aliases())
                .contains("cartservice.default.svc.cluster.local");
        // loadgenerator has no Service: it still maps to a logical service
        assertThat(writer.batch().relationships()).contains(
                Relationship.of("SELECTS", "service/loadgenerator", "k8s/default/Deployment/loadgenerator"));
    }

    @Test
    void malformedYamlNamesTheDocumentAndLine() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ok
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                  labels: {app: [unclosed
                """;
        assertThatThrownBy(() -> ingestor.ingest(IngestInput.of("request", yaml), new GraphWriter()))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("document 2")
                .hasMessageContaining("line ");
    }

    @Test
    void objectsWithoutNameAreRejectedWithTheirDocument() throws Exception {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {a: "1"}
                """;
        var writer = new GraphWriter();
        IngestResult r = ingestor.ingest(IngestInput.of("request", yaml), writer);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.location()).startsWith("document 1");
            assertThat(rej.reason()).contains("metadata.name");
        });
        assertThat(r.accepted()).containsEntry("ConfigMap", 1);
    }

    @Test
    void configReferencesBecomeUsesConfigAndPodStatusBecomesSignals() throws Exception {
        String json = Files.readString(Path.of(getClass().getResource("/kubectl/pods-list.json").toURI()));
        var writer = new GraphWriter();
        IngestResult r = ingestor.ingest(IngestInput.of("pods.json", json), writer);
        assertThat(r.rejected()).isEmpty();
        GraphBatch b = writer.batch();
        assertThat(b.relationships()).contains(
                new Relationship("OWNS", "k8s/shop/Deployment/cart", "k8s/shop/Pod/cart-7b9c6d8f5c-x2k4p", Map.of(),
                        Instant.parse("2024-05-01T10:00:00Z"), null),
                new Relationship("RUNS_ON", "k8s/shop/Pod/cart-7b9c6d8f5c-x2k4p", "k8s/Node/node-1", Map.of(),
                        Instant.parse("2024-05-01T10:00:00Z"), null));
        assertThat(b.relationships()).anyMatch(rel -> rel.type().equals("USES_CONFIG")
                && rel.toKey().equals("k8s/shop/ConfigMap/cart-settings"));
        assertThat(b.relationships()).anyMatch(rel -> rel.type().equals("USES_CONFIG")
                && rel.toKey().equals("k8s/shop/Secret/redis-password"));
        assertThat(b.signals()).extracting(s -> s.type())
                .contains("CrashLoopBackOff", "OOMKilled", "ContainerRestart", "NodeNotReady", "FailedScheduling");
        assertThat(b.signals()).filteredOn(s -> s.type().equals("OOMKilled")).singleElement()
                .satisfies(s -> assertThat(s.start()).isEqualTo(Instant.parse("2024-05-01T10:05:00Z")));
    }
}
