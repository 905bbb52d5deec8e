package dev.taproot.ingest.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.EntityResolver;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.Json;

/**
 * The second pass over a Kubernetes input: a Service SELECTS the top-level workloads (and unowned
 * pods) whose template labels its selector matches; a workload no Service selects gets a logical
 * service named after its {@code app} label; and a service DEPENDS_ON every other known service that
 * its workloads name in env values or arguments ({@code redis-cart:6379}, {@code http://cart.shop.svc:80}).
 */
final class TopologyLinker {

    private static final List<String> APP_LABELS = List.of("app.kubernetes.io/name", "app", "k8s-app", "name",
            "io.kompose.service", "service");

    private final GraphWriter writer;
    private final List<Workload> workloads;
    private final List<KubeObject> services;
    private final ServiceKeys keys;
    private final String source;
    /** Workloads whose labels were compared with a Service's selector (for the test of the index). */
    long selectorChecks;

    TopologyLinker(GraphWriter writer, List<Workload> workloads, List<KubeObject> services, ServiceKeys keys,
                   String source) {
        this.writer = writer;
        this.workloads = workloads;
        this.services = services;
        this.keys = keys;
        this.source = source;
    }

    void link() {
        Map<String, Set<String>> servicesOfWorkload = new LinkedHashMap<>();
        var index = new SelectorIndex(workloads);
        for (KubeObject svc : services) {
            Map<String, String> selector = Json.strings(Json.at(svc.spec(), "selector"));
            for (Workload w : index.candidates(svc.namespace(), selector)) {
                selectorChecks++;
                if (!PodTemplate.matches(selector, w.template().labels())) {
                    continue;
                }
                String serviceKey = keys.key(svc.name(), svc.namespace());
                writer.relationship(Relationship.of(RelationshipTypes.SELECTS, serviceKey, w.key()));
                servicesOfWorkload.computeIfAbsent(w.key(), k -> new LinkedHashSet<>()).add(serviceKey);
            }
        }
        for (Workload w : workloads) {
            if (!w.topLevel() || servicesOfWorkload.containsKey(w.key())) {
                continue;
            }
            String name = logicalName(w);
            String key = keys.key(name, w.object().namespace());
            if (writer.written(key).isEmpty()) {
                writer.entity(new Entity(key, EntityTypes.SERVICE, name,
                        Map.of("namespace", w.object().namespace(), "kind", "LogicalService"), Set.of(), null, null));
            }
            writer.relationship(Relationship.of(RelationshipTypes.SELECTS, key, w.key()));
            servicesOfWorkload.computeIfAbsent(w.key(), k -> new LinkedHashSet<>()).add(key);
        }
        dependencies(servicesOfWorkload);
    }

    private static String logicalName(Workload w) {
        for (String label : APP_LABELS) {
            String v = w.template().labels().get(label);
            if (v == null) {
                v = w.object().labels().get(label);
            }
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return w.object().name();
    }

    private void dependencies(Map<String, Set<String>> servicesOfWorkload) {
        // service name -> namespace -> key: an address names a service of its own namespace unless it says another
        Map<String, Map<String, String>> known = new LinkedHashMap<>();
        for (KubeObject svc : services) {
            known.computeIfAbsent(svc.name().toLowerCase(java.util.Locale.ROOT), k -> new LinkedHashMap<>())
                    .put(namespace(svc.namespace()), keys.key(svc.name(), svc.namespace()));
        }
        for (Workload w : workloads) {
            Set<String> own = servicesOfWorkload.getOrDefault(w.key(), Set.of());
            if (own.isEmpty()) {
                continue;
            }
            String ns = namespace(w.object().namespace());
            Set<String> targets = new LinkedHashSet<>();
            for (String value : w.template().envValues()) {
                for (String token : tokens(value)) {
                    target(token, ns, known).ifPresent(targets::add);
                }
            }
            for (String arg : w.template().args()) {
                for (String token : tokens(arg)) {
                    if (token.contains(":") || token.contains(".svc")) {
                        target(token, ns, known).ifPresent(targets::add);
                    }
                }
            }
            // several Services may select one workload (frontend, frontend-external): dependencies go from
            // the one named like the workload when there is one
            Set<String> primary = new LinkedHashSet<>();
            for (String name : List.of(w.object().name(), logicalName(w))) {
                keys.known(name, w.object().namespace()).filter(own::contains).ifPresent(primary::add);
            }
            for (String from : primary.isEmpty() ? own : primary) {
                for (String to : targets) {
                    if (!from.equals(to)) {
                        writer.relationship(new Relationship(RelationshipTypes.DEPENDS_ON, from, to,
                                Map.of("via", "configuration"), null, null));
                    }
                }
            }
        }
    }

    /** Splits a value into candidate addresses: on separators, and out of {@code key=value} arguments. */
    private static List<String> tokens(String value) {
        var out = new ArrayList<String>();
        for (String t : value.split("[\\s,;\"']+")) {
            int eq = t.indexOf('=');
            String v = eq >= 0 && !t.contains("://") ? t.substring(eq + 1) : t;
            if (!v.isBlank() && v.length() < 256) {
                out.add(v);
            }
        }
        return out;
    }

    private static String namespace(String ns) {
        return ns == null || ns.isBlank() ? "default" : ns;
    }

    private java.util.Optional<String> target(String token, String ownNamespace, Map<String, Map<String, String>> known) {
        String name;
        try {
            name = EntityResolver.serviceName(token).toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        if (name.isEmpty() || !name.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            return java.util.Optional.empty();
        }
        Map<String, String> byNamespace = known.get(name);
        if (byNamespace != null) {
            String ns = EntityResolver.namespaceOfAddress(token).orElse(ownNamespace);
            String key = byNamespace.get(ns);
            return java.util.Optional.of(key != null ? key : byNamespace.values().iterator().next());
        }
        return writer.resolver().knownService(name).map(Entity::key);
    }
}
