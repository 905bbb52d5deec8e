package dev.taproot.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class PrometheusQuerySetsTest {

    @Test
    void theShippedSetsCoverTheExportersAlmostEveryClusterRuns() {
        assertThat(PrometheusQuerySets.builtIn()).containsOnlyKeys("cadvisor", "kube-state-metrics", "node-exporter",
                "otel-http", "istio", "linkerd", "service-graph");
        assertThat(all("cadvisor")).contains("container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                "container_cpu_cfs_throttled_periods_total", "kube_pod_container_status_restarts_total");
        assertThat(all("kube-state-metrics")).contains("kube_pod_container_status_restarts_total", "kube_pod_status_ready",
                "kube_deployment_status_replicas_unavailable");
        assertThat(all("node-exporter")).contains("node_cpu_seconds_total", "node_memory_MemAvailable_bytes",
                "node_filesystem_avail_bytes", "node_network_receive_errs_total");
        assertThat(all("otel-http")).contains("http_server_request_duration_seconds_count",
                "http_server_request_duration_seconds_bucket", "histogram_quantile(0.95");
        assertThat(all("istio")).contains("istio_requests_total", "istio_request_duration_milliseconds_bucket");
        assertThat(all("linkerd")).contains("response_total", "response_latency_ms_bucket");
    }

    @Test
    void everyQueryIsAggregatedByTheLabelsThatNameAnEntityAndNamedUniquely() {
        var names = new HashSet<String>();
        PrometheusQuerySets.builtIn().forEach((set, querySet) -> {
            assertThat(querySet.description()).as(set).isNotBlank();
            assertThat(querySet.queries()).as(set).isNotEmpty();
            for (Map.Entry<String, String> q : querySet.queries().entrySet()) {
                assertThat(q.getValue()).as(q.getKey()).contains(" by (").doesNotContain("\n");
                assertThat(q.getValue().chars().filter(c -> c == '(').count()).as(q.getKey())
                        .isEqualTo(q.getValue().chars().filter(c -> c == ')').count());
                assertThat(q.getKey()).as(set).matches("[a-z]+\\.[a-z0-9_]+");
                assertThat(names.add(q.getKey())).as("query names are unique: " + q.getKey()).isTrue();
            }
        });
    }

    @Test
    void theMeshSetsAlsoYieldTheCallsBetweenWorkloads() {
        assertThat(PrometheusQuerySets.builtIn().get("istio").queries().get("istio.calls_per_second"))
                .contains("source_workload").contains("destination_workload");
        assertThat(PrometheusQuerySets.builtIn().get("linkerd").queries().get("linkerd.calls_per_second"))
                .contains("dst_deployment");
        assertThat(PrometheusQuerySets.builtIn().get("service-graph").queries().get("servicegraph.calls_per_second"))
                .contains("client").contains("server").contains("traces_service_graph_request_total");
    }

    private static String all(String set) {
        return String.join("\n", PrometheusQuerySets.builtIn().get(set).queries().values());
    }

    /** With Debian's {@code prometheus} package installed, promtool parses every query as a recording rule. */
    @Test
    void promtoolParsesEveryQuery(@TempDir Path dir) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
        var rules = new ArrayList<Map<String, String>>();
        PrometheusQuerySets.builtIn().values().forEach(set -> set.queries().forEach((name, query) ->
                rules.add(Map.of("record", "taproot:" + name.replace('.', '_'), "expr", query))));
        Path file = dir.resolve("rules.yaml");
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "taproot", "rules", rules))));
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS: " + rules.size() + " rules found");
    }
}
