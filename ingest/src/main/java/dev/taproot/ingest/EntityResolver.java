package dev.taproot.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;

/**
 * Finds the entity a source means by a name: an exact key, an entity name or alias (entities of the
 * current batch first, then the store), a Kubernetes DNS name ({@code cartservice:7070},
 * {@code cartservice.shop.svc.cluster.local}), or a pod name in the {@code <deployment>-<hash>-<suffix>}
 * form. When several entities answer to a name, the most specific kind wins (Service, then workloads,
 * then pods) and the ambiguity is recorded in {@link #ambiguities()}, never silently.
 *
 * <p>One resolver serves one ingest request: it caches store lookups.
 */
public final class EntityResolver {

    /** How names are looked up in the store ({@code GraphStore::findEntities} fits). */
    @FunctionalInterface
    public interface Lookup {
        /** Entities whose key, name or alias equals the text (case-insensitive on name and alias). */
        List<Entity> find(String nameOrAlias);
    }

    /** Kubernetes' random-suffix alphabet (no vowels, no 0/1/3 to avoid words and look-alikes). */
    private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final Pattern DEPLOYMENT_POD = Pattern.compile("^(.+)-" + SAFE + "{5,10}-" + SAFE + "{5}$");
    private static final Pattern SUFFIX_POD = Pattern.compile("^(.+)-" + SAFE + "{5}$");
    private static final Pattern SERVICE_DNS = Pattern.compile(
            "^([a-z0-9-]+)\\.[a-z0-9-]+\\.svc(\\.cluster\\.local)?\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDINAL_POD = Pattern.compile("^(.+)-\\d+$");
    /** {@code <deployment>-<pod-template-hash>}: the hash is 5 to 10 characters of the safe alphabet. */
    private static final Pattern REPLICA_SET = Pattern.compile("^(.+)-" + SAFE + "{5,10}$");
    private static final Pattern SERVICE_DNS_NAMESPACE = Pattern.compile(
            "^[a-z0-9-]+\\.([a-z0-9-]+)\\.svc(\\.cluster\\.local)?\\.?$", Pattern.CASE_INSENSITIVE);
    private static final List<String> PREFERENCE = List.of(EntityTypes.SERVICE, EntityTypes.COMPONENT,
            EntityTypes.DEPLOYMENT, EntityTypes.STATEFUL_SET, EntityTypes.DAEMON_SET, EntityTypes.JOB,
            EntityTypes.CRON_JOB, EntityTypes.POD, EntityTypes.NODE, EntityTypes.HOST);

    private final Lookup store;
    private final java.util.function.Supplier<List<Entity>> storeServices;
    private Map<String, Entity> serviceIndex;
    private final Map<String, List<Entity>> storeCache = new HashMap<>();
    private final Map<String, Map<String, Entity>> local = new HashMap<>();
    private final Set<String> ambiguities = new LinkedHashSet<>();

    private final boolean bulkServices;
    /**
     * Distinct names {@link #knownService} asks the store for one at a time before it reads every service in one
     * go: a payload that names a few services (an alert, a push) costs a few indexed lookups, one that names
     * many (a manifest's environment values) one bulk read, whatever the size of the store.
     */
    static final int LOOKUPS_BEFORE_BULK = 32;
    private final Map<String, List<Entity>> serviceLookups = new HashMap<>();

    private EntityResolver(Lookup store, java.util.function.Supplier<List<Entity>> storeServices, boolean bulk) {
        this.store = store;
        this.storeServices = storeServices;
        this.bulkServices = bulk;
    }

    /** A resolver that knows only the entities registered with it. */
    public static EntityResolver standalone() {
        return new EntityResolver(null, List::of, true);
    }

    /** A resolver that also asks the store, one name at a time. */
    public static EntityResolver over(Lookup store) {
        return new EntityResolver(store, List::of, false);
    }

    /**
     * A resolver that also asks the store, and reads the store's services in one go when many names
     * must be checked against them ({@link #knownService}).
     *
     * @param services every Service entity of the store ({@code () -> store.entities("Service", n)})
     */
    public static EntityResolver over(Lookup store, java.util.function.Supplier<List<Entity>> services) {
        return new EntityResolver(store, services, true);
    }

    /**
     * A service (of this batch, or of the store) answering to a name or alias: for checking many candidate names
     * (env values, arguments). The first {@value #LOOKUPS_BEFORE_BULK} distinct names are looked up one by one;
     * past that, the store's services are read once and every further name costs no round trip.
     */
    public Optional<Entity> knownService(String nameOrAlias) {
        String q = lower(nameOrAlias);
        Optional<Entity> local = this.local.getOrDefault(q, Map.of()).values().stream()
                .filter(e -> EntityTypes.SERVICE.equals(e.type()) || EntityTypes.COMPONENT.equals(e.type())).findFirst();
        if (local.isPresent()) {
            return local;
        }
        if (serviceIndex == null && store != null && serviceLookups.size() < LOOKUPS_BEFORE_BULK) {
            // a few names (an alert's labels): one indexed store lookup each beats reading every service
            return serviceLookups.computeIfAbsent(q, k -> store.find(k)).stream()
                    .filter(e -> EntityTypes.SERVICE.equals(e.type()) || EntityTypes.COMPONENT.equals(e.type()))
                    .min(Comparator.comparing(Entity::key));
        }
        if (serviceIndex == null) {
            serviceIndex = new HashMap<>();
            for (Entity e : storeServices.get()) {
                names(e).forEach(n -> serviceIndex.putIfAbsent(n, e));
            }
        }
        return Optional.ofNullable(serviceIndex.get(q));
    }

    /** Makes an entity of the current batch findable by key, name and aliases. */
    public void register(Entity e) {
        for (String name : names(e)) {
            local.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(e.key(), e);
        }
    }

    private static Set<String> names(Entity e) {
        var names = new LinkedHashSet<String>();
        names.add(e.key());
        names.add(lower(e.name()));
        e.aliases().forEach(a -> names.add(lower(a)));
        return names;
    }

    /** Every entity answering to exactly this name (key, name or alias), batch first, then store. */
    public List<Entity> candidates(String nameOrAlias) {
        if (nameOrAlias == null || nameOrAlias.isBlank()) {
            return List.of();
        }
        String q = nameOrAlias.trim();
        var found = new LinkedHashMap<String, Entity>();
        local.getOrDefault(q, Map.of()).forEach(found::put);
        local.getOrDefault(lower(q), Map.of()).forEach(found::put);
        if (store != null) {
            storeCache.computeIfAbsent(lower(q), k -> store.find(q)).forEach(e -> found.putIfAbsent(e.key(), e));
        }
        found.values().removeIf(e -> EntityTypes.UNRESOLVED.equals(e.type()));
        return new ArrayList<>(found.values());
    }

    /** The entity a name means, preferring the most specific kind; ambiguities are recorded. */
    public Optional<Entity> find(String nameOrAlias) {
        List<Entity> all = candidates(nameOrAlias);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        all.sort(Comparator.comparingInt(EntityResolver::rank));
        if (all.size() > 1 && rank(all.get(0)) == rank(all.get(1))) {
            ambiguities.add("'" + nameOrAlias + "' matches " + all.stream().map(Entity::key).toList()
                    + "; chose " + all.get(0).key());
        }
        return Optional.of(all.get(0));
    }

    /** The entity of one of the given types that a name means. */
    public Optional<Entity> find(String nameOrAlias, Set<String> types) {
        return candidates(nameOrAlias).stream().filter(e -> types.contains(e.type()))
                .min(Comparator.comparingInt(EntityResolver::rank));
    }

    private static int rank(Entity e) {
        int i = PREFERENCE.indexOf(e.type());
        return i < 0 ? PREFERENCE.size() : i;
    }

    /**
     * The key of the service a name or network address means: an existing entity answering to the
     * address or its service name, else {@code service/<name>}.
     */
    public String serviceKey(String nameOrAddress) {
        return existingService(nameOrAddress).map(Entity::key).orElse(EntityKeys.service(serviceName(nameOrAddress)));
    }

    /**
     * The key of the service a name means in a namespace: among the services answering to the name, the
     * one whose {@code namespace} is that namespace (same-named services of two namespaces are two entities);
     * else as {@link #serviceKey(String)}.
     *
     * @param namespace the namespace the source names with it, or null
     */
    public String serviceKey(String nameOrAddress, String namespace) {
        if (namespace != null && !namespace.isBlank()) {
            Optional<Entity> inNamespace = candidates(serviceName(nameOrAddress)).stream()
                    .filter(e -> EntityTypes.SERVICE.equals(e.type()) || EntityTypes.COMPONENT.equals(e.type()))
                    .filter(e -> namespace.equals(e.properties().get("namespace"))).findFirst();
            if (inNamespace.isPresent()) {
                return inNamespace.get().key();
            }
        }
        return serviceKey(nameOrAddress);
    }

    /**
     * The key of the entity a ReplicaSet name means: the ReplicaSet when it is known, else the Deployment its
     * {@code <deployment>-<pod-template-hash>} name points to when that Deployment is known (a ReplicaSet is a
     * Deployment's revision: what happens to it happens to the Deployment), else the ReplicaSet's own key.
     */
    public String replicaSetKey(String name, String namespace) {
        String own = EntityKeys.k8s(namespace, EntityTypes.REPLICA_SET, name);
        if (candidates(own).stream().anyMatch(e -> e.key().equals(own))) {
            return own;
        }
        Matcher m = REPLICA_SET.matcher(name);
        if (m.matches()) {
            String deployment = EntityKeys.k8s(namespace, EntityTypes.DEPLOYMENT, m.group(1));
            if (candidates(deployment).stream().anyMatch(e -> e.key().equals(deployment))) {
                return deployment;
            }
        }
        return own;
    }

    /**
     * An existing service answering to a name or address, if any: from the services read in bulk when
     * this resolver has them (one store query for any number of names), else one lookup per name.
     */
    public Optional<Entity> existingService(String nameOrAddress) {
        if (bulkServices) {
            return knownService(nameOrAddress).or(() -> knownService(serviceName(nameOrAddress)));
        }
        return find(nameOrAddress, Set.of(EntityTypes.SERVICE, EntityTypes.COMPONENT))
                .or(() -> find(serviceName(nameOrAddress), Set.of(EntityTypes.SERVICE, EntityTypes.COMPONENT)));
    }

    /**
     * Where a pod belongs: the existing pod entity if any, else the pod key derived from its workload
     * (found by the pod-name form), with the workload and service it maps to.
     *
     * @param podName   the pod's name
     * @param namespace its namespace, or null when the source does not say
     */
    public PodResolution resolvePod(String podName, String namespace) {
        List<Entity> pods = candidates(podName).stream().filter(e -> EntityTypes.POD.equals(e.type()))
                .filter(e -> namespace == null || e.key().equals(EntityKeys.k8s(namespace, "Pod", podName)))
                .toList();
        Optional<String> base = workloadNameOfPod(podName);
        Entity workload = null;
        for (String candidate : base.map(b -> List.of(b, podName)).orElse(List.of(podName))) {
            workload = candidates(candidate).stream()
                    .filter(e -> isWorkload(e.type()))
                    .filter(e -> namespace == null || e.key().startsWith("k8s/" + namespace + "/"))
                    .min(Comparator.comparingInt(EntityResolver::rank)).orElse(null);
            if (workload != null) {
                break;
            }
        }
        String ns = namespace != null ? namespace : workload != null ? namespaceOf(workload.key()) : null;
        String podKey = pods.isEmpty() ? EntityKeys.k8s(ns, "Pod", podName) : pods.get(0).key();
        String serviceName = workload != null ? workload.name() : base.orElse(podName);
        String service = existingService(serviceName).map(Entity::key).orElse(null);
        return new PodResolution(podKey, !pods.isEmpty(), workload == null ? null : workload.key(), service);
    }

    /** Where a pod belongs. */
    public record PodResolution(String podKey, boolean known, String workloadKey, String serviceKey) {
    }

    /** Whether a type is a Kubernetes workload kind. */
    public static boolean isWorkload(String type) {
        return Set.of(EntityTypes.DEPLOYMENT, EntityTypes.STATEFUL_SET, EntityTypes.DAEMON_SET,
                EntityTypes.REPLICA_SET, EntityTypes.JOB, EntityTypes.CRON_JOB).contains(type);
    }

    /** The namespace part of a {@code k8s/<ns>/<Kind>/<name>} key, or null. */
    public static String namespaceOf(String k8sKey) {
        String[] parts = k8sKey.split("/");
        return parts.length == 4 && parts[0].equals("k8s") ? parts[1] : null;
    }

    /** Names of ambiguous matches met so far, each naming the candidates and the choice. */
    public List<String> ambiguities() {
        return List.copyOf(ambiguities);
    }

    /**
     * The service name a network address names: strips a scheme, user info, path, port and the
     * Kubernetes DNS suffix: {@code http://cartservice.shop.svc.cluster.local:7070/x} -> {@code cartservice}.
     */
    public static String serviceName(String address) {
        String a = address.trim();
        int scheme = a.indexOf("://");
        if (scheme >= 0) {
            a = a.substring(scheme + 3);
        }
        int at = a.lastIndexOf('@');
        if (at >= 0) {
            a = a.substring(at + 1);
        }
        int slash = a.indexOf('/');
        if (slash >= 0) {
            a = a.substring(0, slash);
        }
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.substring(colon + 1).matches("\\d+")) {
            a = a.substring(0, colon);
        }
        Matcher svc = SERVICE_DNS.matcher(a);
        if (svc.matches()) {
            return svc.group(1);
        }
        return a;
    }

    /**
     * The namespace a Kubernetes DNS address names ({@code http://cart.shop.svc.cluster.local:80 -> shop}),
     * else empty (a bare name or another host name).
     */
    public static Optional<String> namespaceOfAddress(String address) {
        String a = address.trim();
        int scheme = a.indexOf("://");
        a = scheme >= 0 ? a.substring(scheme + 3) : a;
        int at = a.lastIndexOf('@');
        a = at >= 0 ? a.substring(at + 1) : a;
        int end = a.length();
        for (char c : new char[] {'/', ':'}) {
            int i = a.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        Matcher svc = SERVICE_DNS_NAMESPACE.matcher(a.substring(0, end));
        return svc.matches() ? Optional.of(svc.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The Kubernetes DNS names of a Service, for aliases. */
    public static List<String> dnsNames(String service, String namespace) {
        String ns = namespace == null ? "default" : namespace;
        return List.of(service + "." + ns, service + "." + ns + ".svc", service + "." + ns + ".svc.cluster.local");
    }

    /**
     * The workload name a pod name carries: {@code cartservice-7b9c6d8f5c-x2k4p} (Deployment),
     * {@code redis-0} (StatefulSet) or {@code agent-x2k4p} (DaemonSet, Job).
     */
    public static Optional<String> workloadNameOfPod(String podName) {
        for (Pattern p : List.of(DEPLOYMENT_POD, ORDINAL_POD, SUFFIX_POD)) {
            Matcher m = p.matcher(podName);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
