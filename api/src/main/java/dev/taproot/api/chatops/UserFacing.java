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
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Topology;

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

    private final GraphStore store;
    private final Vocabulary vocabulary;

    UserFacing(GraphStore store, Vocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
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
        var units = new LinkedHashMap<String, Instant>();
        firstAlert.forEach((key, start) -> units.merge(topology.unit(key), start, (a, b) -> a.isBefore(b) ? a : b));
        if (units.size() < 2) {
            return Optional.empty();
        }
        var below = new LinkedHashMap<String, Set<String>>();
        for (String u : units.keySet()) {
            var reached = new HashSet<>(Hops.from(u, DEPTH, n -> {
                var next = new ArrayList<String>(topology.callees(n));
                next.addAll(topology.dependencies(n));
                return next;
            }).keySet());
            reached.remove(u);
            reached.retainAll(units.keySet());
            below.put(u, reached);
        }
        List<String> upstream = units.keySet().stream()
                .filter(u -> below.entrySet().stream().noneMatch(e -> !e.getKey().equals(u) && e.getValue().contains(u)))
                .sorted(Comparator.<String>comparingInt(u -> -below.get(u).size())
                        .thenComparing(u -> !topology.callers(u).isEmpty())
                        .thenComparing(units::get)
                        .thenComparing(u -> u))
                .toList();
        if (upstream.isEmpty() || below.get(upstream.get(0)).isEmpty()) {
            return Optional.empty();
        }
        var e = topology.entity(upstream.get(0));
        return Optional.ofNullable(e == null ? null : e.name());
    }
}
