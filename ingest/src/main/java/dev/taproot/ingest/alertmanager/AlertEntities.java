package dev.taproot.ingest.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.ingest.EntityResolver;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.PodEntities;

/**
 * Which entity an alert is about, from its labels, most specific first: {@code pod}; a workload
 * label ({@code deployment}, {@code statefulset}, {@code daemonset}, {@code job_name}, {@code cronjob});
 * {@code service}; {@code node}; {@code instance} when it names a known entity; {@code job} (the
 * scrape job, usually the service); an unknown {@code instance} as a host; {@code namespace}.
 */
final class AlertEntities {

    private static final List<Map.Entry<String, String>> WORKLOAD_LABELS = List.of(
            Map.entry("deployment", "Deployment"), Map.entry("statefulset", "StatefulSet"),
            Map.entry("daemonset", "DaemonSet"), Map.entry("job_name", "Job"), Map.entry("cronjob", "CronJob"));

    private AlertEntities() {
    }

    /** The entity key, or empty when no label names an entity. */
    static Optional<String> entityKey(Map<String, String> labels, GraphWriter writer, Instant at) {
        EntityResolver resolver = writer.resolver();
        String ns = labels.get("namespace");
        if (present(labels, "pod")) {
            return Optional.of(PodEntities.ensure(writer, labels.get("pod"), ns, at));
        }
        for (var w : WORKLOAD_LABELS) {
            String name = labels.get(w.getKey());
            if (name != null && !name.isBlank()) {
                String key = EntityKeys.k8s(ns, w.getValue(), name);
                if (ns == null) {
                    key = resolver.find(name, Set.of(w.getValue())).map(Entity::key).orElse(key);
                }
                return Optional.of(key);
            }
        }
        if (present(labels, "service")) {
            return Optional.of(resolver.serviceKey(labels.get("service"), ns));
        }
        if (present(labels, "node")) {
            String node = labels.get("node");
            return Optional.of(resolver.find(node, Set.of(EntityTypes.NODE)).map(Entity::key)
                    .orElse(EntityKeys.k8sCluster("Node", node)));
        }
        String instanceHost = present(labels, "instance") ? host(labels.get("instance")) : null;
        if (instanceHost != null) {
            Optional<Entity> known = resolver.find(labels.get("instance")).or(() -> resolver.find(instanceHost));
            if (known.isPresent()) {
                return Optional.of(known.get().key());
            }
        }
        if (present(labels, "job")) {
            Optional<Entity> svc = resolver.existingService(labels.get("job"));
            if (svc.isPresent() || instanceHost == null) {
                return Optional.of(svc.map(Entity::key).orElse(EntityKeys.service(labels.get("job"))));
            }
        }
        if (instanceHost != null) {
            return Optional.of(EntityKeys.host(instanceHost));
        }
        if (ns != null && !ns.isBlank()) {
            return Optional.of(EntityKeys.k8sCluster("Namespace", ns));
        }
        return Optional.empty();
    }

    private static boolean present(Map<String, String> labels, String name) {
        String v = labels.get(name);
        return v != null && !v.isBlank();
    }

    /** The host part of an {@code instance} label ({@code 10.0.0.1:9100} -> {@code 10.0.0.1}). */
    static String host(String instance) {
        String h = instance.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(':') == colon && h.substring(colon + 1).matches("\\d+")) {
            h = h.substring(0, colon);
        }
        return h;
    }
}
