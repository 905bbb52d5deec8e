package dev.taproot.rules.causal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * The subgraph's topology indexed for rule matching. Every entity belongs to a <em>unit</em>: the
 * service it serves (a pod, container or workload maps to the service that selects or owns it),
 * or itself. Calls, hosting, configuration, ownership, dependencies and queue consumers are indexed
 * between units.
 */
public final class Topology {

    private final Map<String, Entity> entities;
    private final Map<String, String> unitOf = new HashMap<>();
    private final Map<String, Set<String>> callees = new HashMap<>();
    private final Map<String, Set<String>> callers = new HashMap<>();
    private final Map<String, Set<String>> hostsOf = new HashMap<>();
    private final Map<String, Set<String>> guestsOf = new HashMap<>();
    private final Map<String, Set<String>> configsOf = new HashMap<>();
    private final Map<String, Set<String>> ownershipNeighbours = new HashMap<>();
    private final Map<String, Set<String>> dependencies = new HashMap<>();
    private final Map<String, Set<String>> consumersOf = new HashMap<>();
    private final Vocabulary vocabulary;

    public Topology(Subgraph graph, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.entities = new LinkedHashMap<>(graph.entitiesByKey());
        var owners = new HashMap<String, Set<String>>();
        for (Relationship r : graph.relationships()) {
            switch (r.type()) {
                case RelationshipTypes.SELECTS, RelationshipTypes.OWNS -> owners.computeIfAbsent(r.toKey(), k -> new LinkedHashSet<>()).add(r.fromKey());
                case RelationshipTypes.MEMBER_OF, RelationshipTypes.PART_OF -> owners.computeIfAbsent(r.fromKey(), k -> new LinkedHashSet<>()).add(r.toKey());
                default -> { }
            }
        }
        for (String key : entities.keySet()) {
            unitOf.put(key, findUnit(key, owners));
        }
        resolveByName(owners);
        joinServicesOfTheirPods(owners);
        var entityCalls = new HashMap<String, Set<String>>();
        for (Relationship r : graph.relationships()) {
            if (RelationshipTypes.CALLS.equals(r.type()) && !r.fromKey().equals(r.toKey())) {
                entityCalls.computeIfAbsent(r.fromKey(), k -> new java.util.TreeSet<>()).add(r.toKey());
            }
        }
        Map<String, String> aliases = ServiceAliases.find(entities, entityCalls);
        for (var alias : aliases.entrySet()) {
            String target = alias.getValue();
            for (int hop = 0; hop < 8 && aliases.containsKey(target); hop++) {
                target = aliases.get(target);
            }
            String from = unit(alias.getKey());
            String to = unit(target);
            if (!from.equals(to)) {
                unitOf.replaceAll((k, u) -> u.equals(from) ? to : u);
            }
        }
        for (Relationship r : graph.relationships()) {
            String from = unit(r.fromKey());
            String to = unit(r.toKey());
            switch (r.type()) {
                case RelationshipTypes.CALLS -> {
                    if (!from.equals(to)) {
                        add(callees, from, to);
                        add(callers, to, from);
                    }
                }
                case RelationshipTypes.RUNS_ON -> {
                    add(hostsOf, from, to);
                    add(guestsOf, to, from);
                    add(hostsOf, r.fromKey(), to);
                }
                case RelationshipTypes.USES_CONFIG, RelationshipTypes.MOUNTS -> add(configsOf, from, r.toKey());
                case RelationshipTypes.SELECTS, RelationshipTypes.OWNS, RelationshipTypes.MEMBER_OF,
                     RelationshipTypes.PART_OF, RelationshipTypes.ROUTES_TO, RelationshipTypes.SCALES -> {
                    add(ownershipNeighbours, r.fromKey(), r.toKey());
                    add(ownershipNeighbours, r.toKey(), r.fromKey());
                    add(ownershipNeighbours, from, to);
                    add(ownershipNeighbours, to, from);
                }
                case RelationshipTypes.DEPENDS_ON, RelationshipTypes.CONSUMES_API -> add(dependencies, from, to);
                case RelationshipTypes.CONSUMES_FROM -> add(consumersOf, to, from);
                default -> { }
            }
        }
    }

    private String findUnit(String key, Map<String, Set<String>> owners) {
        Entity e = entities.get(key);
        if (e == null || isServiceLevel(e)) {
            return key;
        }
        var seen = new LinkedHashSet<String>();
        var todo = new ArrayDeque<String>();
        todo.add(key);
        while (!todo.isEmpty() && seen.size() < 32) {
            String k = todo.poll();
            if (!seen.add(k)) {
                continue;
            }
            Entity x = entities.get(k);
            if (x != null && !k.equals(key) && vocabulary.isA(x.type(), "Service")) {
                return k;
            }
            todo.addAll(owners.getOrDefault(k, Set.of()));
        }
        // a workload without a service is its own unit; a pod or container goes to its workload
        for (String k : seen) {
            Entity x = entities.get(k);
            if (x != null && !k.equals(key) && vocabulary.isA(x.type(), "Workload")
                    && !x.type().equals("ReplicaSet")) {
                return k;
            }
        }
        return key;
    }

    /**
     * A ReplicaSet or pod that no relationship ties to its owner still belongs to the workload its name
     * implies ({@code <deployment>-<hash>}, {@code <deployment>-<hash>-<suffix>}, {@code <statefulset>-<n>}).
     */
    private void resolveByName(Map<String, Set<String>> owners) {
        var workloads = new HashMap<String, String>();
        for (Entity e : entities.values()) {
            if (vocabulary.isA(e.type(), "Workload") && !e.type().equals("ReplicaSet")) {
                workloads.merge(e.name(), e.key(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        for (Entity e : entities.values()) {
            if (!(e.type().equals("ReplicaSet") || e.type().equals("Pod")) || !unit(e.key()).equals(e.key())) {
                continue;
            }
            String name = e.name();
            for (int strip = 0; strip < 2 && !workloads.containsKey(name); strip++) {
                java.util.regex.Matcher m = GENERATED_SUFFIX.matcher(name);
                if (!m.matches()) {
                    break;
                }
                name = m.group(1);
            }
            String workload = workloads.get(name);
            if (workload != null) {
                unitOf.put(e.key(), unit(workload));
            }
        }
    }

    /**
     * A workload left its own unit (no Service selects it) whose pods a Service selects belongs to that
     * Service: a change on the Deployment is a change of the service it runs. With several, the first by key.
     */
    private void joinServicesOfTheirPods(Map<String, Set<String>> owners) {
        var joined = new HashMap<String, String>();
        for (var owned : owners.entrySet()) {
            String u = unit(owned.getKey());
            Entity service = entities.get(u);
            if (u.equals(owned.getKey()) || service == null || !vocabulary.isA(service.type(), "Service")) {
                continue;
            }
            // the workloads owning this pod, directly or through its ReplicaSet
            var workloads = new LinkedHashSet<String>();
            for (String o : owned.getValue()) {
                workloads.add(o);
                workloads.addAll(owners.getOrDefault(o, Set.of()));
            }
            for (String w : workloads) {
                Entity we = entities.get(w);
                if (we != null && vocabulary.isA(we.type(), "Workload") && !we.type().equals("ReplicaSet") && unit(w).equals(w)) {
                    joined.merge(w, u, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
        }
        unitOf.putAll(joined);
    }

    /** A name with a generated suffix: a pod-template hash, a pod suffix or a StatefulSet ordinal. */
    private static final java.util.regex.Pattern GENERATED_SUFFIX =
            java.util.regex.Pattern.compile("^(.+)-([bcdfghjklmnpqrstvwxz2456789]{5,10}|\\d+)$");

    private boolean isServiceLevel(Entity e) {
        return vocabulary.isA(e.type(), "Service") || vocabulary.isA(e.type(), "Compute")
                || vocabulary.isA(e.type(), "DataStore") || vocabulary.isA(e.type(), "Config")
                || vocabulary.isA(e.type(), "Organisation") || vocabulary.isA(e.type(), "ExternalDependency");
    }

    private static void add(Map<String, Set<String>> index, String from, String to) {
        index.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }

    /** The unit (service level) of an entity; unknown keys are their own unit. */
    public String unit(String key) {
        return unitOf.getOrDefault(key, key);
    }

    public Entity entity(String key) {
        return entities.get(key);
    }

    /** The name of an entity, or its key when the topology does not hold it. */
    public String name(String key) {
        Entity e = entities.get(key);
        return e == null ? key : e.name();
    }

    public Map<String, Entity> entities() {
        return entities;
    }

    public Set<String> callees(String unit) {
        return callees.getOrDefault(unit, Set.of());
    }

    public Set<String> callers(String unit) {
        return callers.getOrDefault(unit, Set.of());
    }

    public Set<String> hosts(String keyOrUnit) {
        return hostsOf.getOrDefault(keyOrUnit, Set.of());
    }

    public Set<String> guests(String host) {
        return guestsOf.getOrDefault(host, Set.of());
    }

    public Set<String> configs(String unit) {
        return configsOf.getOrDefault(unit, Set.of());
    }

    public Set<String> ownershipNeighbours(String key) {
        return ownershipNeighbours.getOrDefault(key, Set.of());
    }

    public Set<String> dependencies(String unit) {
        return dependencies.getOrDefault(unit, Set.of());
    }

    /** The units that consume from a queue or topic (CONSUMES_FROM it). */
    public Set<String> consumers(String unit) {
        return consumersOf.getOrDefault(unit, Set.of());
    }

    /** Whether any unit calls another (a call graph is known). */
    public boolean hasCallGraph() {
        return !callees.isEmpty();
    }

    /** Units reachable from {@code unit} along CALLS (towards callees when {@code down}) within {@code hops}, with their distance. */
    public Map<String, Integer> reach(String unit, boolean down, int hops) {
        var dist = new LinkedHashMap<String, Integer>();
        var todo = new ArrayDeque<String>();
        dist.put(unit, 0);
        todo.add(unit);
        while (!todo.isEmpty()) {
            String u = todo.poll();
            int d = dist.get(u);
            if (d >= hops) {
                continue;
            }
            for (String n : down ? callees(u) : callers(u)) {
                if (!dist.containsKey(n)) {
                    dist.put(n, d + 1);
                    todo.add(n);
                }
            }
        }
        dist.remove(unit);
        return dist;
    }
}
