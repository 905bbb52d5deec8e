package dev.taproot.ingest.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.standard.StandardIngestors;

class ChangeEventsIngestorTest {

    private final ChangeEventsIngestor ingestor = new ChangeEventsIngestor();

    private IngestInput fixture(String name) throws Exception {
        return IngestInput.of(Path.of(getClass().getResource("/changes/" + name).toURI()), Instant.now());
    }

    private static GraphWriter shop() {
        var writer = new GraphWriter();
        for (String s : List.of("frontend", "cartservice", "checkoutservice")) {
            writer.entity(new Entity("service/" + s, "Service", s, java.util.Map.of(),
                    Set.of(s + ".shop.svc.cluster.local"), null, null));
        }
        return writer;
    }

    @Test
    void githubDeploymentStatusIsADeployOfTheRepositoryService() throws Exception {
        IngestInput input = fixture("github-deployment-status.json");
        assertThat(StandardIngestors.registry().detect(input)).get().isInstanceOf(ChangeEventsIngestor.class);
        var writer = shop();
        IngestResult r = ingestor.ingest(input, writer);
        assertThat(r.rejected()).isEmpty();
        Signal s = writer.batch().signals().get(0);
        assertThat(s.type()).isEqualTo("Deploy");
        assertThat(s.entityKey()).isEqualTo("service/cartservice");
        assertThat(s.start()).isEqualTo(Instant.parse("2024-05-01T09:58:00Z"));
        assertThat(s.attributes()).containsEntry("who", "alice").containsEntry("environment", "production")
                .containsEntry("toVersion", "9f2c1e7a8b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e");
    }

    @Test
    void argoCdApplicationHistoryIsOneDeployPerSync() throws Exception {
        IngestInput input = fixture("argocd-application.json");
        assertThat(StandardIngestors.registry().detect(input)).get().isInstanceOf(ChangeEventsIngestor.class);
        var writer = shop();
        IngestResult r = ingestor.ingest(input, writer);
        assertThat(r.accepted()).containsEntry("Deploy", 2);
        assertThat(writer.batch().signals()).extracting(Signal::entityKey).containsOnly("service/checkoutservice");
        assertThat(writer.batch().signals()).filteredOn(s -> "b7e1c2d".equals(s.attributes().get("toVersion")))
                .singleElement().satisfies(s -> {
                    assertThat(s.attributes()).containsEntry("fromVersion", "a1f0e9d").containsEntry("who", "bob");
                    assertThat(s.start()).isEqualTo(Instant.parse("2024-05-01T10:00:30Z"));
                });
    }

    @Test
    void genericChangesResolveNamesAndRejectUnknownTypesAndMissingTimes() throws Exception {
        var writer = shop();
        IngestResult r = ingestor.ingest(fixture("generic.changes.json"), writer);
        assertThat(r.accepted()).containsEntry("FeatureFlagChange", 1).containsEntry("ConfigChange", 1);
        assertThat(r.rejected()).extracting(rej -> rej.location()).containsExactly("[2].type", "[3].at");
        assertThat(writer.batch().signals()).filteredOn(s -> s.type().equals("ConfigChange")).singleElement()
                .satisfies(s -> assertThat(s.entityKey()).isEqualTo("service/cartservice"));
        assertThat(writer.batch().signals()).filteredOn(s -> s.type().equals("FeatureFlagChange")).singleElement()
                .satisfies(s -> assertThat(s.key()).isEqualTo("change/generic/flag-991"));
    }

    @Test
    void scaleChangeSaysWhichWayItWentWhenItsReplicaCountsAreNumbers() throws Exception {
        var writer = shop();
        IngestResult r = ingestor.ingest(fixture("generic.changes.json"), writer);
        assertThat(r.accepted()).containsEntry("ScaleChange", 3);
        var byId = writer.batch().signals().stream().filter(s -> s.type().equals("ScaleChange"))
                .collect(java.util.stream.Collectors.toMap(Signal::key, Signal::attributes));
        assertThat(byId.get("change/generic/scale-in")).containsEntry("direction", "down");
        assertThat(byId.get("change/generic/scale-out")).containsEntry("direction", "up");
        assertThat(byId.get("change/generic/scale-unknown")).doesNotContainKey("direction");
    }
}
