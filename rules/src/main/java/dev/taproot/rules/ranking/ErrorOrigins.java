package dev.taproot.rules.ranking;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import dev.taproot.graph.model.Signal;
import dev.taproot.rules.causal.Topology;

/**
 * Where failing requests begin. Errors travel up the call graph: a service whose callee fails fails too. A
 * service whose requests fail (error rate, unavailability) while none of the services it calls shows failures
 * of its own (failing requests, error logs, error spans) is where they begin, so there its error signals are
 * fault evidence; anywhere else they are symptoms of a callee. A symptom the question names is left out: its
 * failing requests are what is asked about (they may be timeouts on a slow callee), never evidence against it.
 * With no call graph known nothing is said.
 */
public final class ErrorOrigins {

    private final Topology topology;
    private final SignalStrength strength;
    private final Set<String> failing = new HashSet<>();
    private final Set<String> symptomUnits;

    /** The origins among these signals. */
    public ErrorOrigins(Topology topology, Collection<Signal> signals, SignalStrength strength, Set<String> symptomUnits) {
        this.topology = topology;
        this.symptomUnits = symptomUnits;
        this.strength = strength;
        for (Signal s : signals) {
            if (strength.isFailure(s)) {
                failing.add(topology.unit(s.entityKey()));
            }
        }
    }

    /** Whether {@code s} reports failing requests that begin on its unit: none of the unit's callees fails. */
    public boolean originates(Signal s) {
        String u = topology.unit(s.entityKey());
        return strength.isErrorSymptom(s) && topology.hasCallGraph() && !symptomUnits.contains(u)
                && topology.callees(u).stream().noneMatch(failing::contains);
    }

    /** The signal's weighted strength, as a fault where its failures begin. */
    public double weighted(Signal s) {
        return originates(s) ? strength.raw(s) : strength.weighted(s);
    }
}
