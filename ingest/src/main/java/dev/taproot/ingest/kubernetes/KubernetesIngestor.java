package dev.taproot.ingest.kubernetes;

import dev.taproot.ingest.ManifestReader;

import java.util.List;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;

/**
 * Kubernetes objects from manifests (multi-document YAML) and {@code kubectl get -o json|yaml} output
 * (single objects and {@code List}s): workloads, pods, nodes, services, configuration, storage,
 * ingresses, autoscalers, endpoints, and the signals their status carries. See {@link KubernetesTopology}.
 */
public final class KubernetesIngestor implements Ingestor {

    public static final String FORMAT = "kubernetes";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName();
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        boolean json = name.endsWith(".json");
        if (!yaml && !json && !name.equals("request")) {
            return false;
        }
        String head = input.head(8192);
        if (head.contains("backstage.io/")) {
            return false;
        }
        return head.contains("apiVersion") && head.contains("kind");
    }

    @Override
    public boolean describesTopology() {
        return true;
    }

    /** Manifests go first among topology files, so edge lists and catalogs find their services and pods. */
    @Override
    public int order() {
        return TOPOLOGY_ORDER - 5;
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        var result = new IngestResult.Builder(FORMAT, input.name());
        List<ManifestReader.Document> docs = ManifestReader.documents(input);
        List<KubeObject> objects = KubeObjects.of(docs, result::reject);
        new KubernetesTopology(writer, result, input.observedAt(), input.name()).map(objects);
        return result.build();
    }
}
