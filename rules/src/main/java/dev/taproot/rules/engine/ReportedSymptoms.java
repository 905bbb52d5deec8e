package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.ranking.SignalStrength;
import dev.taproot.rules.ranking.SymptomFamilies;

/**
 * What the person asking saw, as evidence: "checkout availability dropped" names the checkout symptom's family
 * (errors) even when no detector flagged it there (a fraction of a percent of failed requests on a busy entry
 * point is within its noise). Without a signal of that family on the symptom, no rule can walk from it to what
 * explains it, and the ranking falls back on whatever moved most anywhere. So the report becomes a signal of
 * the named family on the symptom entity, marked {@link SignalStrength#REPORTED}: the rules link it to its
 * explanations as they would a measured one, and the ranking walks from it, but it is nobody's evidence (nothing
 * measured it), so it never makes the symptom a candidate.
 * <p>
 * When it began is not reported; it is taken as the first onset among the units the symptom depends on (what
 * went wrong below it first), or the window's start when nothing below it moved.
 */
final class ReportedSymptoms {

    /** How far below the symptom the onset is looked for: the reach of the propagation rules. */
    static final int HOPS = 3;

    private final Vocabulary vocabulary;

    ReportedSymptoms(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The signals with one reported signal added per symptom unit that shows none of the named families. */
    List<Signal> add(Topology topology, List<Signal> signals, Set<String> symptomUnits, SymptomFamilies families,
                     Instant windowStart, Instant windowEnd) {
        if (families.types().isEmpty() || symptomUnits.isEmpty()) {
            return signals;
        }
        var out = new ArrayList<Signal>(signals);
        for (String unit : symptomUnits) {
            boolean shown = signals.stream().anyMatch(s -> topology.unit(s.entityKey()).equals(unit)
                    && families.includes(s, vocabulary));
            if (shown) {
                continue;
            }
            Instant onset = onsetBelow(topology, signals, unit, windowStart, windowEnd);
            for (String type : families.types().stream().sorted().toList()) {
                if (!primary(type)) {
                    continue;
                }
                var attrs = new LinkedHashMap<String, Object>();
                attrs.put("metric", "reported symptom");
                attrs.put(SignalStrength.REPORTED, "the request's symptom text");
                out.add(new Signal("reported:" + unit + ":" + type, type, unit, "reported " + type, Severity.WARNING, onset,
                        windowEnd, attrs, "request"));
            }
        }
        return out;
    }

    /** The family types a report stands for: one per family (errors are an error rate, not also unavailability). */
    private static boolean primary(String type) {
        return type.equals("HighLatency") || type.equals("ErrorRate") || type.equals("TrafficAnomaly");
    }

    private static Instant onsetBelow(Topology topology, List<Signal> signals, String unit, Instant windowStart,
                                      Instant windowEnd) {
        Set<String> below = topology.reach(unit, true, HOPS).keySet();
        Instant first = null;
        for (Signal s : signals) {
            if (!below.contains(topology.unit(s.entityKey())) || s.start().isAfter(windowEnd)) {
                continue;
            }
            Instant t = s.start().isBefore(windowStart) ? windowStart : s.start();
            if (first == null || t.isBefore(first)) {
                first = t;
            }
        }
        return first == null ? windowStart : first;
    }
}
