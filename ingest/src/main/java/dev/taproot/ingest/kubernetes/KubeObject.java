package dev.taproot.ingest.kubernetes;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.ingest.Json;

/**
 * One Kubernetes object read from a manifest, a list or the API, with where it came from.
 *
 * @param kind      {@code Deployment}, {@code Service}, ...
 * @param name      metadata.name
 * @param namespace metadata.namespace ({@code default} when absent, null for cluster-scoped kinds)
 * @param labels    metadata.labels
 * @param node      the whole object
 * @param location  where it is in its input, for example {@code document 3 (line 120)}
 */
public record KubeObject(String kind, String name, String namespace, Map<String, String> labels, JsonNode node,
                         String location) {

    /** Kinds that have no namespace. */
    static final java.util.Set<String> CLUSTER_SCOPED = java.util.Set.of("Node", "Namespace", "PersistentVolume",
            "ClusterRole", "ClusterRoleBinding", "StorageClass", "CustomResourceDefinition", "PriorityClass");

    /** Reads the identity fields of an object. */
    static KubeObject of(JsonNode node, String location) {
        String kind = Json.text(node, "kind");
        String ns = Json.text(node, "metadata", "namespace");
        if (kind != null && CLUSTER_SCOPED.contains(kind)) {
            ns = null;
        } else if (ns == null) {
            ns = "default";
        }
        return new KubeObject(kind, Json.text(node, "metadata", "name"), ns,
                Json.strings(Json.at(node, "metadata", "labels")), node, location);
    }

    /** The entity key of this object. */
    String key() {
        return key(kind, name);
    }

    /** The key of another object of this object's namespace. */
    String key(String otherKind, String otherName) {
        return CLUSTER_SCOPED.contains(otherKind) ? EntityKeys.k8sCluster(otherKind, otherName)
                : EntityKeys.k8s(namespace, otherKind, otherName);
    }

    /** metadata.creationTimestamp, or null. */
    Instant created() {
        return Json.time(node, "metadata", "creationTimestamp");
    }

    JsonNode spec() {
        return Json.at(node, "spec");
    }

    JsonNode status() {
        return Json.at(node, "status");
    }
}
