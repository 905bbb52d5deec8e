package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.rules.ranking.SignalStrength;

/**
 * The callees' view of a caller that says nothing itself. When the traffic several services receive falls
 * while a service that calls them keeps receiving its own traffic, that caller stopped making the calls: it
 * returns early, answers from a wrong branch, fails before it calls (an exception it swallows), or a change
 * turned a feature off. Nothing measured on the caller moves, so without this it is never a candidate.
 *
 * <p>A caller gets one derived {@value #TYPE} signal when at least {@value #MIN_CALLEES} of its callees lost
 * traffic and its own traffic did not fall, and none of its other callees fails (a failing callee explains the
 * early exit: its callers stop before their next calls). A callee's drop counts for the callers whose traffic held only: when
 * one of its callers lost traffic too, less work arriving from upstream explains the drop as well. The score is
 * the callees' mean drop score: each dropped callee is a witness of how clearly the calls stopped. The callees it
 * still calls as before do not speak against it (a fault on one code path withholds that path's calls only). Like {@link CallerWait}'s signal it is
 * {@value SignalStrength#DERIVED}: inferred by elimination, it weighs as a symptom, never as a fault seen where it
 * is.
 */
final class WithheldCalls {

    /** The derived signal's type: an application fault of the caller, since its own traffic held. */
    static final String TYPE = "CallsWithheld";
    /** Attribute naming the callees whose traffic fell. */
    static final String CALLEES = "calleesDropped";
    /** Fewest callees that must lose traffic: one callee's drop is as well its own business. */
    static final int MIN_CALLEES = 2;

    private final SignalStrength strength;

    WithheldCalls(SignalStrength strength) {
        this.strength = strength;
    }

    /** Whether the signal says less traffic arrived at its entity than usual. */
    boolean isTrafficDrop(Signal s) {
        if (s.attributes().get(SignalStrength.DERIVED) != null) {
            return false;
        }
        if (strength.vocabulary().isA(s.type(), "TrafficDrop")) {
            return true;
        }
        return strength.vocabulary().isA(s.type(), "TrafficAnomaly")
                && "down".equalsIgnoreCase(String.valueOf(s.attributes().get("direction")));
    }

    /** {@code signals} plus one derived signal per caller that withheld calls, ordered by key. */
    List<Signal> derive(Topology topology, List<Signal> signals) {
        if (!topology.hasCallGraph()) {
            return signals;
        }
        var drop = new TreeMap<String, Signal>();
        for (Signal s : signals) {
            if (isTrafficDrop(s)) {
                drop.merge(topology.unit(s.entityKey()), s, (a, b) -> a.number("score", 0) >= b.number("score", 0) ? a : b);
            }
        }
        if (drop.size() < MIN_CALLEES) {
            return signals;
        }
        // a callee that fails or is broken explains its callers' early exits: they stop before their next calls
        var failing = new java.util.HashSet<String>();
        for (Signal s : signals) {
            if (s.attributes().get(SignalStrength.DERIVED) == null && (strength.isFailure(s) || strength.isFault(s))) {
                failing.add(topology.unit(s.entityKey()));
            }
        }
        var callers = new TreeSet<String>();
        for (String c : drop.keySet()) {
            callers.addAll(topology.callers(c));
        }
        var out = new ArrayList<Signal>(signals);
        for (String p : callers) {
            if (drop.containsKey(p)) {
                continue;
            }
            Set<String> callees = topology.callees(p);
            if (callees.stream().anyMatch(c -> failing.contains(c) && !drop.containsKey(c))) {
                continue;
            }
            var dropped = new TreeSet<String>();
            for (String c : callees) {
                if (drop.containsKey(c) && topology.callers(c).stream().noneMatch(drop::containsKey)) {
                    dropped.add(c);
                }
            }
            if (dropped.size() < MIN_CALLEES) {
                continue;
            }
            double sum = 0;
            Instant onset = null;
            Instant end = null;
            for (String c : dropped) {
                Signal d = drop.get(c);
                sum += Math.abs(d.number("score", 0));
                onset = onset == null || d.start().isBefore(onset) ? d.start() : onset;
                Instant last = d.end() == null ? d.start() : d.end();
                end = end == null || last.isAfter(end) ? last : end;
            }
            double score = sum / dropped.size();
            List<String> names = dropped.stream().map(topology::name).toList();
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("metric", "callees' traffic from it");
            attrs.put("score", Math.round(score * 1000) / 1000.0);
            attrs.put("direction", "down");
            attrs.put(CALLEES, String.join(",", names));
            attrs.put("droppedCallees", dropped.size());
            attrs.put("callees", callees.size());
            attrs.put(SignalStrength.DERIVED, "withheldCalls");
            out.add(new Signal("derived:withheldCalls:" + p + "@" + onset, TYPE, p,
                    String.format(Locale.ROOT, "%s received less traffic while %s's own held", String.join(", ", names),
                            topology.name(p)),
                    Severity.WARNING, onset, end, attrs, "derived"));
        }
        out.sort(Comparator.comparing(Signal::key));
        return out;
    }

}
