package dev.taproot.ingest.kubernetes;

import dev.taproot.ingest.ManifestReader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;

/**
 * Finding: Kubernetes ingest was quadratic (16k+16k objects in 42 s, 40k+40k still running after
 * 370 s): every Service's selector was compared with every workload, and every Pod looked its owner up
 * in a list. Now selectors go through an index by label, so N Services cost about N comparisons even
 * when all workloads share a label. (Throughput: {@code taproot bench kubernetes}.)
 */
class KubernetesIngestIsNotQuadraticTest {

    static final int N = 3_000;

    @Test
    void linkingNServicesToNWorkloadsComparesAboutNSelectors() throws Exception {
        var sb = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
        for (int i = 0; i < N; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d").append(i)
                    .append("\",\"namespace\":\"shop\"},\"spec\":{\"template\":{\"metadata\":{\"labels\":{\"tier\":\"backend\",\"app\":\"d")
                    .append(i).append("\"}},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}}},")
                    .append("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"d").append(i)
                    .append("\",\"namespace\":\"shop\"},\"spec\":{\"selector\":{\"tier\":\"backend\",\"app\":\"d").append(i).append("\"}}}");
        }
        var input = IngestInput.of("many.json", sb.append("]}").toString());
        var writer = new GraphWriter();
        var result = new IngestResult.Builder(KubernetesIngestor.FORMAT, input.name());
        var topology = new KubernetesTopology(writer, result, Instant.parse("2026-01-01T00:00:00Z"), input.name());
        topology.map(KubeObjects.of(ManifestReader.documents(input), result::reject));

        assertThat(topology.selectorChecks()).isEqualTo(N);
        long selects = writer.batch().relationships().stream().filter(r -> r.type().equals(RelationshipTypes.SELECTS)).count();
        assertThat(selects).isEqualTo(N);
    }
}
