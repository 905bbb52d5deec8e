package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.rules.ranking.SignalStrength;

/**
 * The callers' view of a callee that says nothing itself. When services wait longer on the calls they make
 * (their client-side latency rose) and a service they call shows no slowdown and no fault of its own, the time
 * may be lost between them: on the network to that callee (a delayed or lossy link, a saturated interface, a
 * sidecar). Nothing measured on the callee moves, so without this it is never a candidate at all.
 *
 * <p>Each quiet callee of a waiting caller gets one derived {@code NetworkLatency} signal, {@code seenBy} its
 * waiting callers. Its score is what the waits say about it:
 * <ul>
 *   <li>one caller's wait is one piece of evidence shared among all the services it calls (its score divided by
 *       its number of callees): a caller with twenty callees says little about each;</li>
 *   <li>averaged over the callee's waiting callers, so a service many others call does not collect evidence by
 *       being popular (the walk over the causal graph already favours the one callee that explains several
 *       callers' waits at once);</li>
 *   <li>times the share of its callers that waited: a caller that calls it and did not wait speaks for it.</li>
 * </ul>
 * The signal is marked {@value SignalStrength#DERIVED}: inferred by elimination, it weighs as a symptom, never as
 * a fault seen where it is, so any evidence measured on a service outweighs it. A callee with its own
 * server-side latency or fault in the window is not quiet: its own evidence explains its callers, through the
 * rules. One that only waits on its own callees stays quiet: a slow network to a service slows its own outgoing
 * calls as well, so its wait does not speak against the network to it.
 */
final class CallerWait {

    /** Attribute naming the callers whose wait a derived signal stands for. */
    static final String SEEN_BY = "seenBy";
    /** The derived signal's type: a network fault, since that is the one place the time can go. */
    static final String TYPE = "NetworkLatency";

    private final SignalStrength strength;

    CallerWait(SignalStrength strength) {
        this.strength = strength;
    }

    /** {@code signals} plus one derived signal per quiet callee of a waiting caller, ordered by key. */
    List<Signal> derive(Topology topology, List<Signal> signals) {
        if (!topology.hasCallGraph()) {
            return signals;
        }
        // per unit: its strongest wait on callees, and whether it shows a slowdown or fault of its own
        var wait = new TreeMap<String, Signal>();
        var selfMoved = new java.util.HashSet<String>();
        for (Signal s : signals) {
            String u = topology.unit(s.entityKey());
            if (strength.measuresCalleeWait(s)) {
                wait.merge(u, s, (a, b) -> a.number("score", 0) >= b.number("score", 0) ? a : b);
            } else if (strength.isFault(s) || strength.vocabulary().isA(s.type(), "HighLatency")) {
                selfMoved.add(u);
            }
        }
        if (wait.isEmpty()) {
            return signals;
        }
        Map<String, Set<String>> quietCallees = new HashMap<>();
        for (String p : wait.keySet()) {
            var quiet = new TreeSet<String>();
            for (String c : topology.callees(p)) {
                if (!selfMoved.contains(c) && !c.equals(p)) {
                    quiet.add(c);
                }
            }
            quietCallees.put(p, quiet);
        }
        var evidence = new TreeMap<String, Double>();
        var seenBy = new TreeMap<String, List<String>>();
        var onset = new HashMap<String, Instant>();
        var end = new HashMap<String, Instant>();
        for (var e : wait.entrySet()) {
            Set<String> quiet = quietCallees.get(e.getKey());
            for (String c : quiet) {
                Signal w = e.getValue();
                evidence.merge(c, w.number("score", 0) / topology.callees(e.getKey()).size(), Double::sum);
                seenBy.computeIfAbsent(c, k -> new ArrayList<>()).add(e.getKey());
                onset.merge(c, w.start(), (a, b) -> a.isBefore(b) ? a : b);
                Instant last = w.end() == null ? w.start() : w.end();
                end.merge(c, last, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        var out = new ArrayList<Signal>(signals);
        for (var e : evidence.entrySet()) {
            String c = e.getKey();
            List<String> waiting = seenBy.get(c);
            int callers = Math.max(waiting.size(), topology.callers(c).size());
            double share = waiting.size() / (double) callers;
            double score = e.getValue() / waiting.size() * share;
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("metric", "callers' wait on their calls");
            attrs.put("score", Math.round(score * 1000) / 1000.0);
            attrs.put("direction", "up");
            attrs.put(SEEN_BY, String.join(",", waiting.stream().map(topology::name).toList()));
            attrs.put("waitingCallers", waiting.size());
            attrs.put("callers", callers);
            attrs.put(SignalStrength.DERIVED, "callerWait");
            out.add(new Signal("derived:callerWait:" + c + "@" + onset.get(c), TYPE, c,
                    String.format(Locale.ROOT, "%s waited longer on it", String.join(", ",
                            waiting.stream().map(topology::name).toList())),
                    Severity.WARNING, onset.get(c), end.get(c), attrs, "derived"));
        }
        out.sort(java.util.Comparator.comparing(Signal::key));
        return out;
    }

}
