package dev.taproot.api.chatops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.taproot.graph.model.Hops;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.causal.Topology;

/**
 * Which of the services an alert group fired on is the one users meet: the alerted service that no other
 * alerted service depends on (through calls or declared dependencies, at any depth), the one whose
 * dependencies hold the most of the other alerts when several qualify, then one nobody calls, then the
 * earliest alert. An alert group usually fires on the broken dependency first (a crash-looping pod) and on
 * what users see last (the front end's latency); the question is about the latter, so the analysis walks
 * from the symptom to its cause instead of starting at one of the causes.
 */
final class UserFacing {

    /** Dependency hops followed between alerted services. */
    static final int DEPTH = 6;
    /** Relationship hops read around the alerted entities. */
    static final int NEIGHBOURHOOD = 4;
    static final int MAX_ENTITIES = 5_000;
    /** Ownership hops from an alerted entity to the services it belongs to (pod, ReplicaSet, Deployment, Service). */
    static final int OWNERSHIP_HOPS = 3;

    private final GraphReads store;
    private final Vocabulary vocabulary;

    UserFacing(GraphReads store, Vocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
    }

    /** The services an alerted entity belongs to: its own unit, and the Services selecting its owners. */
    private static Set<String> members(Topology topology, String key, String unit) {
        var out = new java.util.TreeSet<String>();
        out.add(unit);
        // pod -> ReplicaSet or Deployment -> the Services selecting them
        for (String n : Hops.from(key, OWNERSHIP_HOPS, topology::ownershipNeighbours).keySet()) {
            if (topology.unit(n).equals(n) && topology.entity(n) != null && isService(topology.entity(n).type())) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean isService(String type) {
        return dev.taproot.graph.model.EntityTypes.SERVICE.equals(type) || dev.taproot.graph.model.EntityTypes.COMPONENT.equals(type);
    }

    /** The chosen service's name, or empty when the alerts land on fewer than two services or none is upstream of the rest. */
    Optional<String> among(Map<String, Set<Instant>> alertStarts, Instant from, Instant to) {
        // the stored alert signals say which entity each alert landed on
        var firstAlert = new LinkedHashMap<String, Instant>();
        for (Signal s : store.signals(List.of(), from.minus(Duration.ofMinutes(1)), to)) {
            Set<Instant> started = alertStarts.getOrDefault(s.name(), Set.of());
            if (started.stream().anyMatch(t -> Math.abs(Duration.between(t, s.start()).toMillis()) <= 1_000)) {
                firstAlert.merge(s.entityKey(), s.start(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        if (firstAlert.size() < 2) {
            return Optional.empty();
        }
        Topology topology = new Topology(store.subgraph(new SubgraphQuery(Set.copyOf(firstAlert.keySet()), NEIGHBOURHOOD, to,
                from.minus(Duration.ofHours(1)), to, MAX_ENTITIES)), vocabulary);
        // each alerted entity stands for the services it belongs to: a pod selected by two Services (an internal
        // one and a load balancer) is both
        var alerted = new LinkedHashMap<String, Set<String>>();
        var starts = new LinkedHashMap<String, Instant>();
        firstAlert.forEach((key, start) -> {
            String unit = topology.unit(key);
            alerted.computeIfAbsent(unit, u -> members(topology, key, u)).addAll(members(topology, key, unit));
            starts.merge(unit, start, (a, b) -> a.isBefore(b) ? a : b);
        });
        if (alerted.size() < 2) {
            return Optional.empty();
        }
        var below = new LinkedHashMap<String, Set<String>>();
        for (var a : alerted.entrySet()) {
            var reached = new HashSet<String>();
            for (String member : a.getValue()) {
                reached.addAll(Hops.from(member, DEPTH, n -> {
                    var next = new ArrayList<String>(topology.callees(n));
                    next.addAll(topology.dependencies(n));
                    return next;
                }).keySet());
            }
            var others = new HashSet<String>();
            alerted.forEach((u, m) -> {
                if (!u.equals(a.getKey()) && reached.stream().anyMatch(m::contains)) {
                    others.add(u);
                }
            });
            below.put(a.getKey(), others);
        }
        List<String> upstream = alerted.keySet().stream()
                .filter(u -> below.entrySet().stream().noneMatch(e -> !e.getKey().equals(u) && e.getValue().contains(u)))
                .sorted(Comparator.<String>comparingInt(u -> -below.get(u).size())
                        .thenComparing(u -> alerted.get(u).stream().anyMatch(m -> !topology.callers(m).isEmpty()))
                        .thenComparing(starts::get)
                        .thenComparing(u -> u))
                .toList();
        if (upstream.isEmpty() || below.get(upstream.get(0)).isEmpty()) {
            return Optional.empty();
        }
        // named by the member that takes part in the call graph (the Service callers use, not the load balancer)
        String chosen = alerted.get(upstream.get(0)).stream()
                .max(Comparator.<String>comparingInt(m -> topology.callees(m).size() + topology.dependencies(m).size())
                        .thenComparing(Comparator.<String>naturalOrder().reversed()))
                .orElse(upstream.get(0));
        var e = topology.entity(chosen);
        return Optional.ofNullable(e == null ? null : e.name());
    }
}
