package dev.taproot.ingest.kubernetes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.ingest.EntityResolver;

/**
 * The key of the logical service a Kubernetes Service (or an unselected workload's logical service) is.
 * Traces, alerts and catalogs name a service without its namespace, so a name seen in one namespace keeps
 * the plain key {@code service/<name>} and merges with what those sources say about it. The same name in
 * another namespace is another service: it gets {@link EntityKeys#service(String, String)
 * service/<name>.<namespace>}, never the first one's entity, so the two never mix their signals or edges.
 * The namespace holding the plain key is the one the store already records for it, else the first one met
 * in the input. One instance serves one ingest batch.
 */
final class ServiceKeys {

    private final EntityResolver resolver;
    private final Map<String, String> holders = new HashMap<>();

    ServiceKeys(EntityResolver resolver) {
        this.resolver = resolver;
    }

    /** The key of the service {@code name} of {@code namespace} (null: {@code default}). */
    String key(String name, String namespace) {
        String ns = namespace == null || namespace.isBlank() ? "default" : namespace;
        String plain = EntityKeys.service(name);
        String holder = holders.computeIfAbsent(plain, k -> stored(plain).orElse(ns));
        return holder.equals(ns) ? plain : EntityKeys.service(name, ns);
    }

    /** The key of a service of this name in this namespace if one was keyed in this batch or the store, else empty. */
    Optional<String> known(String name, String namespace) {
        String plain = EntityKeys.service(name);
        String holder = holders.get(plain);
        if (holder == null) {
            holder = stored(plain).orElse(null);
        }
        if (holder == null) {
            return Optional.empty();
        }
        String ns = namespace == null || namespace.isBlank() ? "default" : namespace;
        return Optional.of(holder.equals(ns) ? plain : EntityKeys.service(name, ns));
    }

    /** The namespace the store (or this batch) records for the plain key, when a Kubernetes object made it. */
    private Optional<String> stored(String plainKey) {
        // existingService reads the store's services in one go when the resolver can: one query for any number of names
        return resolver.existingService(plainKey).filter(e -> e.key().equals(plainKey))
                .map(e -> e.properties().get("namespace")).filter(ns -> ns instanceof String s && !s.isBlank())
                .map(String.class::cast);
    }
}
