package dev.taproot.ingest.kubernetes;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.Json;
import dev.taproot.ingest.ManifestReader.Document;

/** The Kubernetes objects of manifest documents ({@link dev.taproot.ingest.ManifestReader}), lists flattened. */
public final class KubeObjects {

    private KubeObjects() {
    }

    /**
     * The Kubernetes objects of the documents, lists flattened. Documents that are not objects with a
     * {@code kind} are reported to {@code rejected} with their location.
     */
    public static List<KubeObject> of(List<Document> docs, java.util.function.BiConsumer<String, String> rejected) {
        var out = new ArrayList<KubeObject>();
        for (Document d : docs) {
            JsonNode tree = d.tree();
            if (tree == null) {
                continue;
            }
            if (tree.isArray()) {
                addItems(tree, d.location(), out, rejected);
            } else if (!tree.isObject()) {
                rejected.accept(d.location(), "not a Kubernetes object (a " + tree.getNodeType().name().toLowerCase() + ")");
            } else if (tree.has("items") && tree.get("items").isArray() && isList(Json.text(tree, "kind"))) {
                addItems(tree.get("items"), d.location(), out, rejected);
            } else {
                add(tree, d.location(), out, rejected);
            }
        }
        return out;
    }

    private static boolean isList(String kind) {
        return kind == null || kind.equals("List") || kind.endsWith("List");
    }

    private static void addItems(JsonNode items, String location, List<KubeObject> out,
                                 java.util.function.BiConsumer<String, String> rejected) {
        for (int i = 0; i < items.size(); i++) {
            add(items.get(i), location + " items[" + i + "]", out, rejected);
        }
    }

    private static void add(JsonNode node, String location, List<KubeObject> out,
                            java.util.function.BiConsumer<String, String> rejected) {
        if (!node.isObject()) {
            rejected.accept(location, "not a Kubernetes object");
            return;
        }
        KubeObject o = KubeObject.of(node, location);
        if (o.kind() == null) {
            rejected.accept(location, "field 'kind' is missing");
        } else {
            out.add(o);
        }
    }
}
