package dev.taproot.ingest.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.MalformedInputException;

class AlertmanagerIngestorTest {

    private final AlertmanagerIngestor ingestor = new AlertmanagerIngestor();

    static Stream<Path> payloads() throws IOException {
        Path root = SharedData.require("alertmanager-webhook");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void everyAlertOfEveryPayloadIsASignalOrARejectionNamingIt(Path file) throws Exception {
        JsonNode payload = new ObjectMapper().readTree(file.toFile());
        int alerts = payload.get("alerts").size();
        int naming = 0;
        for (JsonNode a : payload.get("alerts")) {
            var labels = new HashMap<String, String>();
            payload.path("commonLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            a.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            if (AlertmanagerIngestor.entityLabels().stream().anyMatch(labels::containsKey)) {
                naming++;
            }
        }
        IngestInput input = IngestInput.of(file, Instant.now());
        assertThat(ingestor.accepts(input)).isTrue();
        var writer = new GraphWriter();
        IngestResult result = ingestor.ingest(input, writer);

        assertThat(result.accepted().getOrDefault("Alert", 0)).isEqualTo(naming);
        assertThat(result.rejected()).hasSize(alerts - naming)
                .allSatisfy(r -> assertThat(r.location()).matches("alerts\\[\\d+]\\.labels"));
        assertThat(writer.batch().signals()).hasSize(naming - duplicates(payload))
                .allSatisfy(s -> assertThat(s.start()).isNotNull());
    }

    /** Alerts of a payload with the same labels and start are the same alert (one signal). */
    private static int duplicates(JsonNode payload) {
        var seen = new java.util.HashSet<String>();
        int dup = 0;
        for (JsonNode a : payload.get("alerts")) {
            var labels = new java.util.TreeMap<String, String>();
            payload.path("commonLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            a.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            if (AlertmanagerIngestor.entityLabels().stream().anyMatch(labels::containsKey)
                    && !seen.add(labels + a.path("startsAt").asText())) {
                dup++;
            }
        }
        return dup;
    }

    @Test
    void theSampleAlertLandsOnItsInstanceHostWithSeverityAndStart() throws Exception {
        Path file = SharedData.require("alertmanager-webhook/prometheus-msteams/prom_post_request.json");
        var writer = new GraphWriter();
        ingestor.ingest(IngestInput.of(file, Instant.now()), writer);
        Signal s = writer.batch().signals().get(0);
        assertThat(s.entityKey()).isEqualTo("host/instance-with-hyphen_and_underscore");
        assertThat(s.name()).isEqualTo("high_memory_load");
        assertThat(s.type()).isEqualTo("MemoryPressure");
        assertThat(s.severity()).isEqualTo(Severity.WARNING);
        assertThat(s.start()).isEqualTo(Instant.parse("2018-03-07T11:33:21.873077559Z"));
        assertThat(s.end()).isNull();
        assertThat(s.attributes()).containsEntry("summary", "Server High Memory usage");
    }

    @Test
    void kubePrometheusPodAlertLandsOnThePodOfTheKnownDeploymentAndResolvesTheSameSignal() throws Exception {
        var writer = new GraphWriter();
        writer.entity(Entity.of("k8s/shop/Deployment/cartservice", "Deployment", "cartservice"));
        String firing = webhook("firing", "0001-01-01T00:00:00Z");
        ingestor.ingest(IngestInput.of("request", firing), writer);
        Signal s = writer.batch().signals().get(0);
        assertThat(s.type()).isEqualTo("CrashLoopBackOff");
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.entityKey()).isEqualTo("k8s/shop/Pod/cartservice-7b9c6d8f5c-x2k4p");
        assertThat(writer.batch().relationships()).anyMatch(r -> r.type().equals("OWNS")
                && r.fromKey().equals("k8s/shop/Deployment/cartservice") && r.toKey().equals(s.entityKey()));

        ingestor.ingest(IngestInput.of("request", webhook("resolved", "2024-05-01T10:20:00Z")), writer);
        assertThat(writer.batch().signals()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(s.key());
            assertThat(r.end()).isEqualTo(Instant.parse("2024-05-01T10:20:00Z"));
        });
    }

    private static String webhook(String status, String endsAt) {
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"KubePodCrashLooping\\"}","status":"%1$s","receiver":"taproot",
                 "groupLabels":{"alertname":"KubePodCrashLooping"},"commonLabels":{"alertname":"KubePodCrashLooping"},
                 "commonAnnotations":{},"externalURL":"http://alertmanager:9093","truncatedAlerts":0,
                 "alerts":[{"status":"%1$s","labels":{"alertname":"KubePodCrashLooping","namespace":"shop",
                   "pod":"cartservice-7b9c6d8f5c-x2k4p","container":"server","job":"kube-state-metrics",
                   "service":"kube-state-metrics","severity":"critical"},
                   "annotations":{"description":"Pod shop/cartservice-7b9c6d8f5c-x2k4p (server) is in waiting state (reason: CrashLoopBackOff)."},
                   "startsAt":"2024-05-01T10:05:00Z","endsAt":"%2$s","generatorURL":"http://prometheus/graph","fingerprint":"9f1c2a3b4d5e6f70"}]}
                """.formatted(status, endsAt);
    }

    @Test
    void malformedJsonIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ingestor.ingest(IngestInput.of("request", "{\"alerts\": [\n{\"labels\": }]}"),
                new GraphWriter()))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("line 2");
    }

    @Test
    void alertNamesMapToVocabularyTypesOnlyWhenClear() {
        assertThat(AlertTypes.signalType("KubePodCrashLooping")).isEqualTo("CrashLoopBackOff");
        assertThat(AlertTypes.signalType("KubeNodeNotReady")).isEqualTo("NodeNotReady");
        assertThat(AlertTypes.signalType("HighLatency")).isEqualTo("HighLatency");
        assertThat(AlertTypes.signalType("Watchdog")).isEqualTo("Alert");
        assertThat(AlertTypes.signalType("NodeEvent")).isEqualTo("Alert");
        assertThat(Map.of("x", AlertTypes.signalType("PrometheusRuleFailures"))).containsEntry("x", "Alert");
    }
}
