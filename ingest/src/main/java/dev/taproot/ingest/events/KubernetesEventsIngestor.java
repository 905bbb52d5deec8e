package dev.taproot.ingest.events;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.ManifestReader;

/**
 * Kubernetes Events: an {@code EventList} (from {@code kubectl get events -o json}), a JSON array of
 * events or one event, core/v1 or events.k8s.io/v1, in JSON or YAML. Files end in {@code .events.json}.
 */
public final class KubernetesEventsIngestor implements Ingestor {

    public static final String FORMAT = "events";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName();
        if (name.endsWith(".events.json") || name.endsWith(".events.yaml")) {
            return true;
        }
        if (!name.endsWith(".json")) {
            return false;
        }
        String head = input.head(4096);
        return head.contains("\"EventList\"") || (head.startsWith("[") && (head.contains("\"involvedObject\"")
                || head.contains("\"regarding\"")));
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        var result = new IngestResult.Builder(FORMAT, input.name());
        for (ManifestReader.Document d : ManifestReader.documents(input)) {
            JsonNode tree = d.tree();
            if (tree == null) {
                continue;
            }
            String where = "document " + d.index() + " (line " + d.line() + ")";
            if (tree.isArray()) {
                for (int i = 0; i < tree.size(); i++) {
                    one(tree.get(i), "[" + i + "]", writer, result, input.name());
                }
            } else if (tree.isObject() && tree.has("items")) {
                var items = Json.elements(tree.get("items"));
                for (int i = 0; i < items.size(); i++) {
                    one(items.get(i), "items[" + i + "]", writer, result, input.name());
                }
            } else if (tree.isObject()) {
                one(tree, where, writer, result, input.name());
            } else {
                result.reject(where, "not an event, an EventList or an array of events");
            }
        }
        return result.build();
    }

    private static void one(JsonNode event, String location, GraphWriter writer, IngestResult.Builder result,
                            String source) {
        if (!event.isObject()) {
            result.reject(location, "not an event object");
            return;
        }
        String kind = Json.text(event, "kind");
        if (kind != null && !"Event".equals(kind)) {
            result.reject(location, "kind is '" + kind + "', expected Event");
            return;
        }
        KubernetesEventMapper.map(event, location, writer, result, source);
    }
}
