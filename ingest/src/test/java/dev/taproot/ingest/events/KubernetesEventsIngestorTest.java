package dev.taproot.ingest.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.standard.StandardIngestors;

class KubernetesEventsIngestorTest {

    private final KubernetesEventsIngestor ingestor = new KubernetesEventsIngestor();

    private IngestInput fixture(String name) throws Exception {
        return IngestInput.of(Path.of(getClass().getResource("/events/" + name).toURI()), Instant.now());
    }

    @Test
    void coreV1EventListBecomesTypedSignalsOnTheInvolvedObjects() throws Exception {
        IngestInput input = fixture("core-v1.events.json");
        assertThat(StandardIngestors.registry().detect(input)).get().isInstanceOf(KubernetesEventsIngestor.class);
        var writer = new GraphWriter();
        writer.entity(Entity.of("k8s/shop/Deployment/cartservice", "Deployment", "cartservice"));
        IngestResult r = ingestor.ingest(input, writer);

        assertThat(r.accepted()).containsEntry("Event", 3);
        assertThat(r.rejected()).singleElement().satisfies(rej -> {
            assertThat(rej.location()).isEqualTo("items[3]");
            assertThat(rej.reason()).contains("no timestamp");
        });
        Map<String, Signal> byReason = writer.batch().signals().stream()
                .collect(Collectors.toMap(Signal::name, s -> s));
        Signal backoff = byReason.get("BackOff");
        assertThat(backoff.type()).isEqualTo("CrashLoopBackOff");
        assertThat(backoff.entityKey()).isEqualTo("k8s/shop/Pod/cartservice-7b9c6d8f5c-x2k4p");
        assertThat(backoff.start()).isEqualTo(Instant.parse("2024-05-01T10:05:10Z"));
        assertThat(backoff.end()).isEqualTo(Instant.parse("2024-05-01T10:12:40Z"));
        assertThat(backoff.attributes()).containsEntry("count", 31L).containsEntry("eventType", "Warning");
        assertThat(backoff.severity()).isEqualTo(Severity.ERROR);
        assertThat(writer.batch().relationships()).anyMatch(rel -> rel.type().equals("OWNS")
                && rel.fromKey().equals("k8s/shop/Deployment/cartservice") && rel.toKey().equals(backoff.entityKey()));
        assertThat(byReason.get("NodeNotReady").entityKey()).isEqualTo("k8s/Node/node-1");
        assertThat(byReason.get("NodeNotReady").type()).isEqualTo("NodeNotReady");
        assertThat(byReason.get("ScalingReplicaSet").type()).isEqualTo("ScaleChange");
        assertThat(byReason.get("ScalingReplicaSet").entityKey()).isEqualTo("k8s/shop/Deployment/cartservice");
        assertThat(byReason.get("ScalingReplicaSet").attributes()).containsEntry("direction", "up");
    }

    @Test
    void scalingMessagesSayWhichWayTheReplicasWent() {
        assertThat(EventReasons.scaleDirection("Scaled up replica set web-5d4f to 3")).isEqualTo("up");
        assertThat(EventReasons.scaleDirection("Scaled down replica set web-5d4f to 1 from 3")).isEqualTo("down");
        assertThat(EventReasons.scaleDirection("New size: 6; reason: cpu resource utilization (percentage of request) above target"))
                .isEqualTo("up");
        assertThat(EventReasons.scaleDirection("New size: 1; reason: All metrics below target")).isEqualTo("down");
        assertThat(EventReasons.scaleDirection("New size: 3")).as("the message does not say").isNull();
    }

    @Test
    void eventsK8sIoV1ArrayIsReadWithSeriesCounts() throws Exception {
        var writer = new GraphWriter();
        IngestResult r = ingestor.ingest(fixture("events-k8s-io-v1.events.json"), writer);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted()).containsEntry("Event (events.k8s.io/v1)", 2);
        Map<String, Signal> byReason = writer.batch().signals().stream()
                .collect(Collectors.toMap(Signal::name, s -> s));
        assertThat(byReason.get("Unhealthy").type()).isEqualTo("ProbeFailure");
        assertThat(byReason.get("Unhealthy").attributes()).containsEntry("count", 12L);
        assertThat(byReason.get("Unhealthy").end()).isEqualTo(Instant.parse("2024-05-01T10:09:00Z"));
        assertThat(byReason.get("FailedScheduling").type()).isEqualTo("FailedScheduling");
        assertThat(byReason.get("FailedScheduling").entityKey()).isEqualTo("k8s/shop/Pod/checkout-5d8f7c9b6-fghij");
    }
}
