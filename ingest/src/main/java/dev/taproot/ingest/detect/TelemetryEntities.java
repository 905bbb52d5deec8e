package dev.taproot.ingest.detect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.store.TopologyReads;

/**
 * Finds the graph entity a telemetry series belongs to, from its labels (or a span's or log record's
 * resource attributes, mapped to the same names).
 *
 * <ul>
 *   <li>{@code service}, {@code service_name}, {@code service.name}, {@code job}, {@code app},
 *       {@code deployment}, {@code container}: the logical service {@code service/<name>}.</li>
 *   <li>{@code pod} ({@code pod_name}, {@code k8s.pod.name}): the pod's workload, from the pod name's
 *       {@code <deployment>-<hash>-<suffix>} (or {@code <statefulset>-<n>}) form, then its service;
 *       the pod is kept in attribute {@code pod}.</li>
 *   <li>Node-level series (metric name starting with a {@link TelemetryConfig#nodeMetricPrefixes()}
 *       prefix) belong to the node: the {@code node}/{@code instance}/{@code host} label, else the node the
 *       pod's service or pod {@code RUNS_ON} in the graph. Never to every pod on it.</li>
 * </ul>
 * Names are looked up in the graph ({@link TopologyReads#findEntities}) first so the key matches what
 * topology ingest created; a name the graph does not know still yields {@code service/<name>} (and
 * is counted as created), a series with no usable label resolves to nothing (counted, reported).
 * One instance serves one analysis: it caches lookups.
 */
public final class TelemetryEntities {

    /** Where an observation belongs. */
    public record Resolution(String entityKey, String entityType, String name, String pod, boolean inGraph) {
    }

    /** Lookups against the graph; {@link #NONE} when there is no store. */
    public interface Graph {
        /** Entities answering to a name ({@code TopologyReads::findEntities}). */
        List<Entity> find(String nameOrAlias);

        /** Relationships touching an entity ({@code TopologyReads::relationshipsOf}). */
        List<Relationship> relationshipsOf(String key);

        Graph NONE = new Graph() {
            @Override
            public List<Entity> find(String nameOrAlias) {
                return List.of();
            }

            @Override
            public List<Relationship> relationshipsOf(String key) {
                return List.of();
            }
        };

        static Graph of(TopologyReads store) {
            return new Graph() {
                @Override
                public List<Entity> find(String nameOrAlias) {
                    return store.findEntities(nameOrAlias);
                }

                @Override
                public List<Relationship> relationshipsOf(String key) {
                    return store.relationshipsOf(key);
                }
            };
        }
    }

    private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("^(.+)-" + SAFE + "{5,10}-" + SAFE + "{5}$");
    private static final Pattern DAEMON_POD = Pattern.compile("^(.+)-" + SAFE + "{5}$");
    private static final Pattern ORDINAL_POD = Pattern.compile("^(.+)-\\d+$");

    static final List<String> POD_LABELS = List.of("pod", "pod_name", "k8s.pod.name", "kubernetes_pod_name");
    static final List<String> SERVICE_LABELS = List.of("service", "service_name", "service.name", "job", "app",
            "app_kubernetes_io_name", "deployment", "k8s.deployment.name", "workload", "container",
            "container_name", "k8s.container.name");
    /** Labels naming the namespace: among same-named services, the one of that namespace is meant. */
    static final List<String> NAMESPACE_LABELS = List.of("namespace", "k8s.namespace.name", "kubernetes_namespace",
            "service.namespace");
    static final List<String> NODE_LABELS = List.of("node", "kubernetes_node", "k8s.node.name", "instance", "host",
            "hostname", "host.name", "nodename");

    private final Graph graph;
    private final List<String> nodePrefixes;
    private final Map<String, List<Entity>> cache = new HashMap<>();
    private final Map<String, Entity> created = new LinkedHashMap<>();

    public TelemetryEntities(Graph graph, List<String> nodeMetricPrefixes) {
        this.graph = graph == null ? Graph.NONE : graph;
        this.nodePrefixes = List.copyOf(nodeMetricPrefixes);
    }

    /** Entities this resolver had to create for names the graph does not know. */
    public List<Entity> created() {
        return List.copyOf(created.values());
    }

    /** Whether a metric is about the node rather than the workload. */
    public boolean nodeLevel(String metric) {
        String m = metric == null ? "" : metric.toLowerCase(Locale.ROOT);
        return nodePrefixes.stream().anyMatch(m::startsWith);
    }

    /** The owner of a series with these labels, or empty. */
    public Optional<Resolution> resolve(Map<String, String> labels, String metric) {
        String pod = first(labels, POD_LABELS);
        String namespace = first(labels, NAMESPACE_LABELS);
        if (nodeLevel(metric)) {
            return resolveNode(labels, pod);
        }
        if (pod != null) {
            String workload = workloadOf(pod);
            Optional<Resolution> viaWorkload = service(workload, pod, false, namespace);
            if (viaWorkload.isPresent()) {
                return viaWorkload;
            }
        }
        for (String label : SERVICE_LABELS) {
            String name = labels.get(label);
            if (name != null && !name.isBlank()) {
                Optional<Resolution> r = service(name, pod, false, namespace);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        if (pod != null) {
            return service(workloadOf(pod), pod, true, namespace);
        }
        String service = first(labels, SERVICE_LABELS);
        return service == null ? Optional.empty() : service(service, null, true, namespace);
    }

    /** The workload name a pod name implies ({@code frontend-579b9bff58-t2dbm -> frontend}). */
    public static String workloadOf(String pod) {
        for (Pattern p : List.of(DEPLOYMENT_POD, ORDINAL_POD, DAEMON_POD)) {
            Matcher m = p.matcher(pod);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return pod;
    }

    private static final List<String> WORKLOADS = List.of(EntityTypes.DEPLOYMENT, EntityTypes.STATEFUL_SET,
            EntityTypes.DAEMON_SET, EntityTypes.JOB, EntityTypes.CRON_JOB, EntityTypes.REPLICA_SET);
    private static final List<String> NOT_SERVICE_LEVEL = List.of(EntityTypes.POD, EntityTypes.CONTAINER,
            EntityTypes.NODE, EntityTypes.HOST, EntityTypes.UNRESOLVED, EntityTypes.NAMESPACE, EntityTypes.CLUSTER);

    private Optional<Resolution> service(String name, String pod, boolean create, String namespace) {
        List<Entity> found = find(name);
        List<Entity> services = found.stream()
                .filter(e -> e.type().equals(EntityTypes.SERVICE) || e.type().equals(EntityTypes.COMPONENT)).toList();
        Optional<Entity> service = services.stream().findFirst();
        if (services.size() > 1 && namespace != null) {
            // same-named services of several namespaces: the series' namespace says which
            service = services.stream().filter(e -> namespace.equals(e.properties().get("namespace"))).findFirst().or(() -> services
                    .stream().filter(e -> e.key().equals(EntityKeys.service(name))).findFirst()).or(() -> services.stream().findFirst());
        }
        if (service.isPresent()) {
            Entity e = service.get();
            return Optional.of(new Resolution(e.key(), e.type(), e.name(), pod, true));
        }
        boolean workload = found.stream().anyMatch(e -> WORKLOADS.contains(e.type()));
        if (!workload) {
            Optional<Entity> other = found.stream().filter(e -> !NOT_SERVICE_LEVEL.contains(e.type())).findFirst();
            if (other.isPresent()) {
                Entity e = other.get();
                return Optional.of(new Resolution(e.key(), e.type(), e.name(), pod, true));
            }
        }
        if (workload || create) {
            String key = EntityKeys.service(name);
            created.putIfAbsent(key, Entity.of(key, EntityTypes.SERVICE, name));
            return Optional.of(new Resolution(key, EntityTypes.SERVICE, name, pod, workload));
        }
        return Optional.empty();
    }

    private Optional<Resolution> resolveNode(Map<String, String> labels, String pod) {
        String node = first(labels, NODE_LABELS);
        if (node != null) {
            String host = node.replaceFirst(":\\d+$", "");
            Optional<Entity> known = lookup(host, EntityTypes.NODE, EntityTypes.HOST);
            if (known.isPresent()) {
                return Optional.of(new Resolution(known.get().key(), known.get().type(), host, pod, true));
            }
            String key = EntityKeys.host(host);
            created.putIfAbsent(key, Entity.of(key, EntityTypes.HOST, host));
            return Optional.of(new Resolution(key, EntityTypes.HOST, host, pod, false));
        }
        if (pod == null) {
            return Optional.empty();
        }
        for (String owner : List.of(pod, workloadOf(pod))) {
            for (Entity e : find(owner)) {
                for (Relationship r : graph.relationshipsOf(e.key())) {
                    if (RelationshipTypes.RUNS_ON.equals(r.type()) && r.fromKey().equals(e.key()) && r.validTo() == null) {
                        String nodeKey = r.toKey();
                        return Optional.of(new Resolution(nodeKey, EntityTypes.NODE, nodeKey, pod, true));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Entity> lookup(String name, String... types) {
        List<Entity> found = find(name);
        for (String type : types) {
            Optional<Entity> hit = found.stream().filter(e -> e.type().equals(type)).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private List<Entity> find(String name) {
        return cache.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> graph.find(name));
    }

    private static String first(Map<String, String> labels, List<String> names) {
        for (String n : names) {
            String v = labels.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
