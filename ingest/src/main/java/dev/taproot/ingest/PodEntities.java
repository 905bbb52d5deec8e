package dev.taproot.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;

/**
 * Ties a pod that a signal source names (an alert's {@code pod} label, an event's involved object, a
 * metric series) into the topology: the known pod entity, or a new Pod entity owned by the workload
 * its name form points to (or selected by the service of that name), so that signals on pods reach
 * their service.
 */
public final class PodEntities {

    private PodEntities() {
    }

    /**
     * The key of the pod, writing the pod and its owner link when the graph does not know it.
     *
     * @param namespace the pod's namespace, or null when the source does not say
     * @param seenAt    when the source saw it
     */
    public static String ensure(GraphWriter writer, String podName, String namespace, Instant seenAt) {
        EntityResolver.PodResolution r = writer.resolver().resolvePod(podName, namespace);
        if (r.known() || writer.written(r.podKey()).isPresent()) {
            return r.podKey();
        }
        String ns = EntityResolver.namespaceOf(r.podKey());
        var props = new LinkedHashMap<String, Object>();
        props.put("namespace", ns);
        props.put("kind", "Pod");
        writer.entity(new Entity(r.podKey(), EntityTypes.POD, podName, props, Set.of(), seenAt, seenAt));
        if (r.workloadKey() != null) {
            writer.relationship(Relationship.of(RelationshipTypes.OWNS, r.workloadKey(), r.podKey()));
        } else if (r.serviceKey() != null) {
            writer.relationship(Relationship.of(RelationshipTypes.SELECTS, r.serviceKey(), r.podKey()));
        }
        return r.podKey();
    }

    /** Properties helper: a map without null values. */
    static Map<String, Object> nonNull(Map<String, Object> in) {
        var out = new LinkedHashMap<String, Object>();
        in.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
