package dev.taproot.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.taproot.graph.testing.SharedData;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.standard.StandardIngestors;

/** Every Kubernetes manifest of the other shared systems (Sock Shop, DeathStarBench, Bookinfo) reads cleanly. */
class SharedManifestsTest {

    static Stream<Path> manifests() throws IOException {
        Path root = SharedData.require(".");
        try (Stream<Path> walk = Stream.of("k8s-sock-shop", "k8s-deathstarbench", "k8s-istio-bookinfo")
                .map(root::resolve).filter(Files::isDirectory).flatMap(SharedManifestsTest::walk)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList().stream();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void everyManifestIsReadWithoutRejectionsAndEveryWorkloadMapsToAService(Path file) throws Exception {
        IngestInput input = IngestInput.of(file, Instant.now());
        Map<String, Integer> kinds = KubernetesIngestorTest.kindsIn(file);
        if (kinds.isEmpty()) {
            assertThat(new KubernetesIngestor().accepts(input)).isFalse();
            return;
        }
        assertThat(StandardIngestors.registry().detect(input)).get().isInstanceOf(KubernetesIngestor.class);
        var writer = new GraphWriter();
        IngestResult r = new KubernetesIngestor().ingest(input, writer);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.accepted().getOrDefault("Deployment", 0)).isEqualTo(kinds.getOrDefault("Deployment", 0));
        assertThat(r.accepted().getOrDefault("Service", 0)).isEqualTo(kinds.getOrDefault("Service", 0));
        var batch = writer.batch();
        batch.entities().stream().filter(e -> e.type().equals("Deployment")).forEach(d ->
                assertThat(batch.relationships()).anyMatch(rel -> rel.type().equals("SELECTS") && rel.toKey().equals(d.key())));
    }
}
