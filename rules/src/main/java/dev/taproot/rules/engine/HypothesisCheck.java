package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;
import dev.taproot.rules.causal.CausalLink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.taproot.graph.model.Signal;
import dev.taproot.rules.model.Rule;

/**
 * Checks each candidate as a hypothesis, as a chaos experiment's validation would: from its own
 * signals, which symptoms do the rules' causal chains reach, and where do the rules predict an
 * effect that was not observed. Deterministic: units and rules are visited in a fixed order.
 */
final class HypothesisCheck {

    private final RuleMatcher matcher;
    private final Topology topology;
    private final List<Rule> rules;
    private final Map<String, List<Signal>> byUnit = new HashMap<>();
    private final Map<String, Set<String>> linkedTo = new HashMap<>();
    private final Set<String> symptomUnits;
    private final Set<String> units = new java.util.TreeSet<>();
    private final Map<String, Set<String>> reachCache = new HashMap<>();

    HypothesisCheck(RuleMatcher matcher, Topology topology, List<Rule> rules, List<Signal> signals,
                    List<CausalLink> links, Set<String> symptomUnits) {
        this.matcher = matcher;
        this.topology = topology;
        this.rules = rules;
        this.symptomUnits = symptomUnits;
        topology.entities().keySet().forEach(k -> units.add(topology.unit(k)));
        signals.forEach(s -> byUnit.computeIfAbsent(topology.unit(s.entityKey()), k -> new ArrayList<>()).add(s));
        for (CausalLink l : links) {
            String from = topology.unit(l.cause().entityKey());
            String to = topology.unit(l.effect().entityKey());
            if (!from.equals(to)) {
                linkedTo.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
            }
        }
    }

    Hypothesis check(String unit) {
        var reached = reach(unit);
        var explained = new ArrayList<String>();
        var unexplained = new ArrayList<String>();
        symptomUnits.stream().sorted().filter(s -> !s.equals(unit))
                .forEach(s -> (reached.contains(s) ? explained : unexplained).add(topology.name(s)));
        var predicted = new TreeMap<String, Boolean>();
        var expected = new TreeMap<String, String>();
        List<Signal> own = byUnit.getOrDefault(unit, List.of());
        for (Rule r : rules) {
            if (own.isEmpty() || !matcher.startsFrom(r, own, topology)) {
                continue;
            }
            matcher.predictions(r, unit, units, byUnit, topology, reachCache).forEach((u, seen) -> {
                predicted.merge(u, seen, Boolean::logicalOr);
                expected.putIfAbsent(u, String.join(" or ", r.effect().signalTypes()));
            });
        }
        var notSeen = new ArrayList<String>();
        predicted.forEach((u, seen) -> {
            if (!seen) {
                notSeen.add(expected.get(u) + " on " + topology.name(u));
            }
        });
        return new Hypothesis(explained, unexplained, predicted.keySet().stream().map(topology::name).toList(), notSeen);
    }

    private Set<String> reach(String unit) {
        var seen = new LinkedHashSet<>(dev.taproot.graph.model.Hops.from(unit, Integer.MAX_VALUE,
                u -> linkedTo.getOrDefault(u, Set.of())).keySet());
        seen.remove(unit);
        return seen;
    }

}
