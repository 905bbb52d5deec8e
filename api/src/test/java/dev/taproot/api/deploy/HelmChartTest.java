package dev.taproot.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;

import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.graph.model.Relationship;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.kubernetes.KubernetesIngestor;

/**
 * The Helm chart, rendered by Helm's own template engine (helm-java runs Helm's Go library), then read
 * as a cluster would hold it: by Taproot's own Kubernetes ingestor, and its taproot.yaml by the
 * configuration loader. The image itself cannot be built here (no Docker engine).
 */
class HelmChartTest {

    static final Path CHART = Path.of("..", "deploy", "helm", "taproot");
    static final String TOKENS = "admin:ops:0123456789abcdef0123456789\ningest:alertmanager:abcdef0123456789abcdef01";

    @TempDir
    Path dir;

    static List<JsonNode> documents(String yaml) throws Exception {
        var out = new ArrayList<JsonNode>();
        var mapper = new ObjectMapper(new YAMLFactory());
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var it = mapper.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.has("kind")) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    @Test
    void theRenderedChartIsATopologyTaprootReadsAndItsConfigurationIsValid() throws Exception {
        String rendered = new Helm(CHART).template().withName("rca").withNamespace("ops").set("secrets.tokens", TOKENS).call();
        List<JsonNode> docs = documents(rendered);
        assertThat(docs).extracting(d -> d.path("kind").asText())
                .contains("Deployment", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim", "ServiceAccount",
                        "ClusterRole", "ClusterRoleBinding");

        JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode role = docs.stream().filter(d -> d.path("kind").asText().equals("ClusterRole")).findFirst().orElseThrow();
        role.path("rules").forEach(r -> assertThat(r.path("verbs").toString()).doesNotContain("create", "update", "delete", "patch"));

        var writer = new GraphWriter();
        var result = new KubernetesIngestor().ingest(new IngestInput("taproot-chart.yaml", rendered.getBytes(), Instant.now()), writer);
        assertThat(result.rejected()).isEmpty();
        var rels = writer.batch().relationships();
        assertThat(rels).extracting(Relationship::type).contains("SELECTS", "USES_CONFIG");

        JsonNode configMap = docs.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, configMap.at("/data/taproot.yaml").asText());
        var loaded = ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE);
        assertThat(loaded.problems()).filteredOn(p -> !p.warning())
                .allSatisfy(p -> assertThat(p.toString()).contains("/etc/taproot/secrets/tokens"));
    }

    @Test
    void renderingWithoutTokensFailsNamingTheValue() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("rca").call())
                .hasMessageContaining("secrets.tokens");
    }
}
