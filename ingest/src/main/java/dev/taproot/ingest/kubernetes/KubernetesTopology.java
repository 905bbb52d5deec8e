package dev.taproot.ingest.kubernetes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.EntityResolver;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.ObservedChanges;
import dev.taproot.ingest.events.KubernetesEventMapper;

/**
 * Maps Kubernetes objects to entities, relationships and state signals. First every object becomes
 * an entity (with its ownership, node, configuration and volume links); then {@link TopologyLinker}
 * links Services to what they select and services to the services their workloads name.
 */
public final class KubernetesTopology {

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob");

    /** The kinds that become entities. */
    static final Set<String> MODELLED = Set.of("Namespace", "Node", "Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "Job", "CronJob", "Pod", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim",
            "PersistentVolume", "HorizontalPodAutoscaler", "Ingress", "EndpointSlice", "Endpoints");

    private final GraphWriter writer;
    private final IngestResult.Builder result;
    private final Instant observedAt;
    private final String source;
    private final List<Workload> workloads = new ArrayList<>();
    private final Map<String, Workload> workloadsByKey = new java.util.HashMap<>();
    private long selectorChecks;
    private final List<KubeObject> services = new ArrayList<>();
    private final Set<String> definedConfigs = new LinkedHashSet<>();
    private final Map<String, Integer> ignored = new TreeMap<>();
    private final ServiceKeys serviceKeys;

    public KubernetesTopology(GraphWriter writer, IngestResult.Builder result, Instant observedAt, String source) {
        this.writer = writer;
        this.result = result;
        this.observedAt = observedAt;
        this.source = source;
        this.serviceKeys = new ServiceKeys(writer.resolver());
    }

    /** Maps every object, then links them. */
    public void map(List<KubeObject> objects) {
        // Deployments before ReplicaSets before Pods, so owners are known when owned objects arrive
        var ordered = new ArrayList<>(objects);
        ordered.sort(java.util.Comparator.comparingInt(o -> rank(o.kind())));
        for (KubeObject o : ordered) {
            try {
                mapOne(o);
            } catch (IllegalArgumentException e) {
                result.reject(o.location(), o.kind() + " " + o.name() + ": " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        var linker = new TopologyLinker(writer, workloads, services, serviceKeys, source);
        linker.link();
        selectorChecks = linker.selectorChecks;
        for (String ref : referencedConfigs) {
            if (!definedConfigs.contains(ref) && writer.written(ref).isEmpty()) {
                String[] p = ref.split("/");
                writer.entity(new Entity(ref, p[2], p[3], Map.of("namespace", p[1], "declared", false), Set.of(),
                        null, null));
            }
        }
        if (!ignored.isEmpty()) {
            writer.note("kinds not modelled, ignored: " + ignored);
        }
    }

    private final Set<String> referencedConfigs = new LinkedHashSet<>();

    /** How many workloads were compared with Service selectors while linking (about one per Service). */
    long selectorChecks() {
        return selectorChecks;
    }

    private void addWorkload(Workload w) {
        workloads.add(w);
        workloadsByKey.putIfAbsent(w.key(), w);
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "Namespace", "Node" -> 0;
            case "CronJob", "Deployment", "StatefulSet", "DaemonSet" -> 1;
            case "ReplicaSet", "Job" -> 2;
            case "Pod" -> 3;
            default -> 4;
        };
    }

    private void mapOne(KubeObject o) {
        if (o.name() == null && !"Event".equals(o.kind())) {
            if (MODELLED.contains(o.kind())) {
                result.reject(o.location(), o.kind() + ": field 'metadata.name' is missing");
            } else {
                ignored.merge(o.kind(), 1, Integer::sum);
            }
            return;
        }
        switch (o.kind()) {
            case "Namespace" -> entity(o, EntityTypes.NAMESPACE, Map.of(), Set.of());
            case "Node" -> node(o);
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob" -> workload(o);
            case "Pod" -> pod(o);
            case "Service" -> service(o);
            case "ConfigMap", "Secret" -> config(o);
            case "PersistentVolumeClaim" -> claim(o);
            case "PersistentVolume" -> entity(o, "PersistentVolume", props("capacity",
                    Json.text(o.spec(), "capacity", "storage"), "phase", Json.text(o.status(), "phase")), Set.of());
            case "HorizontalPodAutoscaler" -> autoscaler(o);
            case "Ingress" -> ingress(o);
            case "EndpointSlice", "Endpoints" -> endpoints(o);
            case "Event" -> {
                KubernetesEventMapper.map(o.node(), o.location(), writer, result, source);
                return;
            }
            default -> {
                ignored.merge(o.kind(), 1, Integer::sum);
                return;
            }
        }
        result.accept(o.kind());
    }

    private Entity entity(KubeObject o, String type, Map<String, Object> extra, Set<String> aliases) {
        var props = new LinkedHashMap<String, Object>();
        if (o.namespace() != null) {
            props.put("namespace", o.namespace());
        }
        props.put("kind", o.kind());
        if (!o.labels().isEmpty()) {
            props.put("labels", PodTemplate.pairs(o.labels()));
        }
        props.putAll(extra);
        Entity e = new Entity(o.key(), type, o.name(), props, aliases, o.created(), observedAt);
        writer.entity(e);
        return e;
    }

    private static Map<String, Object> props(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private void node(KubeObject o) {
        var aliases = new LinkedHashSet<String>();
        for (JsonNode a : Json.elements(Json.at(o.status(), "addresses"))) {
            String addr = Json.text(a, "address");
            if (addr != null) {
                aliases.add(addr);
            }
        }
        entity(o, EntityTypes.NODE, props("cpu", Json.text(o.status(), "capacity", "cpu"),
                "memory", Json.text(o.status(), "capacity", "memory")), aliases);
        StatusSignals.node(o, writer, observedAt, source);
    }

    private void workload(KubeObject o) {
        JsonNode templateNode = "CronJob".equals(o.kind())
                ? Json.at(o.spec(), "jobTemplate", "spec", "template") : Json.at(o.spec(), "template");
        PodTemplate t = PodTemplate.of(Json.at(templateNode, "metadata"), Json.at(templateNode, "spec"), templateNode);
        String owner = ownerKey(o);
        var extra = props("replicas", Json.at(o.spec(), "replicas").isNumber() ? o.spec().get("replicas").asLong() : null,
                "readyReplicas", Json.at(o.status(), "readyReplicas").isNumber() ? o.status().get("readyReplicas").asLong() : null,
                "schedule", Json.text(o.spec(), "schedule"),
                ObservedChanges.IMAGES, t.images(), ObservedChanges.TEMPLATE_HASH, t.hash());
        entity(o, o.kind(), extra, Set.of());
        if (owner != null) {
            writer.relationship(rel(RelationshipTypes.OWNS, owner, o.key(), o));
        }
        addWorkload(new Workload(o, t, owner == null, owner));
        configLinks(o, t);
        StatusSignals.workload(o, writer, observedAt, source);
    }

    private void pod(KubeObject o) {
        PodTemplate t = PodTemplate.of(Json.at(o.node(), "metadata"), o.spec(), o.spec());
        String owner = ownerKey(o);
        if (owner == null) {
            var r = writer.resolver().resolvePod(o.name(), o.namespace());
            owner = r.workloadKey();
        }
        String node = Json.text(o.spec(), "nodeName");
        entity(o, EntityTypes.POD, props("phase", Json.text(o.status(), "phase"), "node", node,
                "podIP", Json.text(o.status(), "podIP"), ObservedChanges.IMAGES, t.images()),
                Json.text(o.status(), "podIP") == null ? Set.of() : Set.of(Json.text(o.status(), "podIP")));
        if (owner != null) {
            writer.relationship(rel(RelationshipTypes.OWNS, owner, o.key(), o));
        }
        if (node != null) {
            String nodeKey = EntityKeys.k8sCluster("Node", node);
            if (writer.written(nodeKey).isEmpty()) {
                writer.entity(new Entity(nodeKey, EntityTypes.NODE, node, Map.of(), Set.of(), null, observedAt));
            }
            writer.relationship(rel(RelationshipTypes.RUNS_ON, o.key(), nodeKey, o));
        }
        addWorkload(new Workload(o, t, owner == null, owner));
        configLinks(o, t);
        StatusSignals.pod(o, writer, observedAt, source);
    }

    /**
     * The top-level owner of an object: a ReplicaSet's Deployment, a Job's CronJob. A ReplicaSet owner
     * that is not in the input is replaced by its Deployment when the name form says so.
     */
    private String ownerKey(KubeObject o) {
        for (JsonNode ref : Json.elements(Json.at(o.node(), "metadata", "ownerReferences"))) {
            String kind = Json.text(ref, "kind");
            String name = Json.text(ref, "name");
            if (kind == null || name == null || !WORKLOAD_KINDS.contains(kind)) {
                continue;
            }
            String key = o.key(kind, name);
            if ("Pod".equals(o.kind())) {
                // pods hang off the top-level workload: Deployment rather than its ReplicaSet
                var ownerEntity = java.util.Optional.ofNullable(workloadsByKey.get(key));
                if (ownerEntity.isPresent() && ownerEntity.get().ownerKey() != null) {
                    return ownerEntity.get().ownerKey();
                }
                String hash = o.labels().get("pod-template-hash");
                if ("ReplicaSet".equals(kind) && hash != null && name.endsWith("-" + hash)) {
                    return o.key("Deployment", name.substring(0, name.length() - hash.length() - 1));
                }
            }
            return key;
        }
        return null;
    }

    private void configLinks(KubeObject o, PodTemplate t) {
        for (String cm : t.configMaps()) {
            String key = o.key("ConfigMap", cm);
            referencedConfigs.add(key);
            writer.relationship(rel(RelationshipTypes.USES_CONFIG, o.key(), key, o));
        }
        for (String s : t.secrets()) {
            String key = o.key("Secret", s);
            referencedConfigs.add(key);
            writer.relationship(rel(RelationshipTypes.USES_CONFIG, o.key(), key, o));
        }
        for (String c : t.claims()) {
            String key = o.key("PersistentVolumeClaim", c);
            referencedConfigs.add(key);
            writer.relationship(rel(RelationshipTypes.MOUNTS, o.key(), key, o));
        }
    }

    private void service(KubeObject o) {
        var ports = new ArrayList<String>();
        for (JsonNode p : Json.elements(Json.at(o.spec(), "ports"))) {
            ports.add((Json.text(p, "name") == null ? "" : Json.text(p, "name") + ":") + Json.text(p, "port")
                    + "/" + (Json.text(p, "protocol") == null ? "TCP" : Json.text(p, "protocol")));
        }
        var aliases = new LinkedHashSet<>(EntityResolver.dnsNames(o.name(), o.namespace()));
        String clusterIp = Json.text(o.spec(), "clusterIP");
        if (clusterIp != null && !"None".equals(clusterIp)) {
            aliases.add(clusterIp);
        }
        var props = new LinkedHashMap<String, Object>();
        props.put("namespace", o.namespace());
        props.put("kind", "Service");
        props.put("serviceType", Json.text(o.spec(), "type") == null ? "ClusterIP" : Json.text(o.spec(), "type"));
        props.put("ports", ports);
        props.put("selector", PodTemplate.pairs(Json.strings(Json.at(o.spec(), "selector"))));
        if (!o.labels().isEmpty()) {
            props.put("labels", PodTemplate.pairs(o.labels()));
        }
        if (Json.text(o.spec(), "externalName") != null) {
            props.put("externalName", Json.text(o.spec(), "externalName"));
        }
        writer.entity(new Entity(serviceKeys.key(o.name(), o.namespace()), EntityTypes.SERVICE, o.name(), props, aliases,
                o.created(), observedAt));
        services.add(o);
    }

    private void config(KubeObject o) {
        var data = new TreeMap<String, String>();
        for (String field : List.of("data", "binaryData", "stringData")) {
            Json.at(o.node(), field).properties().forEach(e -> data.put(field + "." + e.getKey(), e.getValue().asText()));
        }
        definedConfigs.add(o.key());
        entity(o, o.kind(), props("keys", List.copyOf(data.keySet()), ObservedChanges.DATA_HASH, PodTemplate.hash(data),
                "declared", true), Set.of());
    }

    private void claim(KubeObject o) {
        definedConfigs.add(o.key());
        entity(o, EntityTypes.VOLUME_CLAIM, props("phase", Json.text(o.status(), "phase"),
                "storage", Json.text(o.spec(), "resources", "requests", "storage"),
                "storageClass", Json.text(o.spec(), "storageClassName")), Set.of());
        String volume = Json.text(o.spec(), "volumeName");
        if (volume != null) {
            writer.relationship(rel(RelationshipTypes.DEPENDS_ON, o.key(), EntityKeys.k8sCluster("PersistentVolume", volume), o));
        }
        StatusSignals.claim(o, writer, observedAt, source);
    }

    private void autoscaler(KubeObject o) {
        long max = Json.number(o.spec(), -1, "maxReplicas");
        long current = Json.number(o.status(), -1, "currentReplicas");
        entity(o, "HorizontalPodAutoscaler", props("minReplicas", Json.number(o.spec(), 1, "minReplicas"),
                "maxReplicas", max, "currentReplicas", current < 0 ? null : current), Set.of());
        String kind = Json.text(o.spec(), "scaleTargetRef", "kind");
        String name = Json.text(o.spec(), "scaleTargetRef", "name");
        if (kind != null && name != null) {
            writer.relationship(rel(RelationshipTypes.SCALES, o.key(), o.key(kind, name), o));
        }
        StatusSignals.autoscaler(o, writer, observedAt, source);
    }

    private void ingress(KubeObject o) {
        entity(o, EntityTypes.INGRESS, props("ingressClass", Json.text(o.spec(), "ingressClassName")), Set.of());
        for (String svc : IngressBackends.of(o.spec())) {
            String target = serviceKeys.known(svc, o.namespace()).orElseGet(() -> writer.resolver().serviceKey(svc));
            writer.relationship(rel(RelationshipTypes.ROUTES_TO, o.key(), target, null));
        }
    }

    private void endpoints(KubeObject o) {
        String service = "EndpointSlice".equals(o.kind()) ? o.labels().get("kubernetes.io/service-name") : o.name();
        if (service == null) {
            throw new IllegalArgumentException("label 'kubernetes.io/service-name' is missing");
        }
        String serviceKey = serviceKeys.key(service, o.namespace());
        var targets = new ArrayList<JsonNode>();
        int ready = 0;
        int notReady = 0;
        for (JsonNode ep : Json.elements(o.node().get("endpoints"))) {
            targets.add(ep.get("targetRef"));
            if (Json.at(ep, "conditions", "ready").asBoolean(true)) {
                ready++;
            } else {
                notReady++;
            }
        }
        for (JsonNode subset : Json.elements(o.node().get("subsets"))) {
            Json.elements(subset.get("addresses")).forEach(a -> targets.add(a.get("targetRef")));
            ready += Json.elements(subset.get("addresses")).size();
            notReady += Json.elements(subset.get("notReadyAddresses")).size();
        }
        if (writer.written(serviceKey).isEmpty()) {
            writer.entity(new Entity(serviceKey, EntityTypes.SERVICE, service,
                    props("namespace", o.namespace(), "readyEndpoints", (long) ready, "notReadyEndpoints", (long) notReady),
                    Set.copyOf(EntityResolver.dnsNames(service, o.namespace())), null, observedAt));
        } else {
            writer.entity(writer.written(serviceKey).get().withProperty("readyEndpoints", (long) ready)
                    .withProperty("notReadyEndpoints", (long) notReady));
        }
        for (JsonNode ref : targets) {
            if (ref != null && "Pod".equals(Json.text(ref, "kind")) && Json.text(ref, "name") != null) {
                writer.relationship(rel(RelationshipTypes.SELECTS, serviceKey, o.key("Pod", Json.text(ref, "name")), null));
            }
        }
        StatusSignals.endpoints(o, serviceKey, ready, notReady, writer, observedAt, source);
    }

    /** A relationship valid since the object's creation (null for manifests: since ever). */
    static Relationship rel(String type, String from, String to, KubeObject since) {
        return new Relationship(type, from, to, Map.of(), since == null ? null : since.created(), null);
    }
}
