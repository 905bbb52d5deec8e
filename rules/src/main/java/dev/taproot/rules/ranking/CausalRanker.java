package dev.taproot.rules.ranking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Signal;
import dev.taproot.rules.causal.CausalLink;
import dev.taproot.rules.causal.Topology;

/**
 * Ranks units by personalized PageRank over the causal graph (as eBay's Groot does): a walker starts
 * at the symptoms, follows rule links from effects to their causes (weighted by the rule's
 * confidence and the cause's strength), stays on a unit in proportion to its own fault evidence, and
 * restarts at the symptoms. Mass gathers where explanations end: the root causes. The PageRank mass
 * is combined with the unit's own anomaly (not counting its wait on the callees it has,
 * {@link SignalStrength#measuresCalleeWait}) and with priors (moved first, changed recently, blamed in
 * past incidents). Failing requests weigh as a symptom where a callee's failures explain them, and as a fault
 * where none of the unit's callees fails: that is where they begin.
 */
public final class CausalRanker {

    private static final int ITERATIONS = 60;
    /** What a change that no rule linked to a later effect still weighs: it is listed, never a fault. */
    static final double IDLE_CHANGE_WEIGHT = 0.25;

    private final SignalStrength strength;
    private final RankingSettings settings;

    public CausalRanker(SignalStrength strength, RankingSettings settings) {
        this.strength = strength;
        this.settings = settings;
    }

    /**
     * Scores every unit that has signals or is a symptom, best first.
     *
     * @param history per unit, how many past incidents confirmed it as the root cause
     */
    public List<UnitScore> rank(Topology topology, Collection<Signal> signals, List<CausalLink> links,
                                Set<String> symptomUnits, Map<String, Integer> history) {
        return rank(topology, signals, links, symptomUnits, history, false);
    }

    /**
     * As {@link #rank(Topology, Collection, List, Set, Map)}. A symptom unit is what is being explained: its own
     * symptom signals (latency, errors, traffic) are the question, not evidence against it, so it competes with
     * its fault evidence only and never outranks, on symptoms alone, a unit that carries fault evidence. Evidence
     * about it inferred from other units ({@link SignalStrength#DERIVED}: its callers waited on it, its callees lost
     * the traffic it used to send) is not its own symptom, so it competes with that too, at a symptom's weight. An
     * <b>inferred</b> symptom (none was given; the most anomalous entry point was taken) gets no restart mass
     * of its own: the walk restarts over every anomalous unit by its anomaly.
     */
    public List<UnitScore> rank(Topology topology, Collection<Signal> signals, List<CausalLink> links,
                                Set<String> symptomUnits, Map<String, Integer> history, boolean inferred) {
        return rank(topology, signals, links, symptomUnits, history, inferred, SymptomFamilies.ALL);
    }

    /**
     * As above; {@code families} are the symptoms the request's text names: the walk leaves a symptom unit only
     * along links that explain one of those signals on it (all links when none does).
     */
    public List<UnitScore> rank(Topology topology, Collection<Signal> signals, List<CausalLink> links,
                                Set<String> symptomUnits, Map<String, Integer> history, boolean inferred,
                                SymptomFamilies families) {
        return rank(topology, signals, links, symptomUnits, history, Map.of(), inferred, families);
    }

    /**
     * As above, with what people said of past answers: per unit, the factor {@link FeedbackPrior} makes of
     * the causes they confirmed and rejected (1 where nobody said anything).
     */
    public List<UnitScore> rank(Topology topology, Collection<Signal> signals, List<CausalLink> links,
                                Set<String> symptomUnits, Map<String, Integer> history, Map<String, Double> feedback,
                                boolean inferred, SymptomFamilies families) {
        var anomaly = new HashMap<String, Double>();
        // a unit's own anomaly leaves out its wait on callees: that is the callees' evidence; a unit with no known
        // callee keeps it (its own outbound network is then the only thing the wait can be about)
        var own = new HashMap<String, Double>();
        var fault = new HashMap<String, Double>();
        // evidence about a unit inferred from the others (SignalStrength.DERIVED): never its own symptom, so a
        // symptom unit competes with it as with its faults
        var inferredAbout = new HashMap<String, Double>();
        var onset = new HashMap<String, Instant>();
        var changed = new HashMap<String, Double>();
        var significance = new HashMap<String, Double>();
        // a change is a cause when something followed it: a rule linked it to an effect on its unit or callers;
        // a change nothing followed is context, not evidence
        var linkedChanges = new java.util.HashSet<String>();
        for (CausalLink l : links) {
            if (strength.isChange(l.cause())) {
                linkedChanges.add(l.cause().key());
            }
        }
        // errors start where no callee fails: there they weigh as faults
        var origins = new ErrorOrigins(topology, signals, strength, symptomUnits);
        for (Signal s : signals) {
            if (s.attributes().get(SignalStrength.REPORTED) != null) {
                continue; // what the asker saw: the walk starts there, but nothing measured it
            }
            String u = topology.unit(s.entityKey());
            boolean idleChange = strength.isChange(s) && !linkedChanges.contains(s.key());
            boolean originates = origins.originates(s);
            double w = origins.weighted(s) * (idleChange ? IDLE_CHANGE_WEIGHT : 1.0);
            anomaly.merge(u, w, Math::max);
            own.merge(u, strength.measuresCalleeWait(s) && !topology.callees(u).isEmpty() ? 0.0 : w, Math::max);
            significance.merge(u, strength.significance(s), Math::max);
            if ((strength.isFault(s) || originates) && !idleChange) {
                fault.merge(u, w, Math::max);
            }
            if (s.attributes().get(SignalStrength.DERIVED) != null) {
                inferredAbout.merge(u, w, Math::max);
            }
            if (strength.isChange(s)) {
                changed.merge(u, w, CausalRanker::noisyOr);
            }
            onset.merge(u, s.start(), (a, b) -> a.isBefore(b) ? a : b);
        }
        var units = new LinkedHashSet<String>(symptomUnits);
        units.addAll(new java.util.TreeSet<>(anomaly.keySet()));
        var index = new HashMap<String, Integer>();
        var names = new ArrayList<String>(units);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int n = names.size();
        if (n == 0) {
            return List.of();
        }
        // causal edges effect unit -> cause unit
        var edges = new ArrayList<Map<Integer, Double>>();
        for (int i = 0; i < n; i++) {
            edges.add(new HashMap<>());
        }
        var named = new java.util.HashSet<String>();
        for (CausalLink l : links) {
            String effectUnit = topology.unit(l.effect().entityKey());
            if (symptomUnits.contains(effectUnit) && families.includes(l.effect(), strength.vocabulary())) {
                named.add(effectUnit);
            }
        }
        for (CausalLink l : links) {
            String effectUnit = topology.unit(l.effect().entityKey());
            Integer from = index.get(effectUnit);
            Integer to = index.get(topology.unit(l.cause().entityKey()));
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            if (named.contains(effectUnit) && !families.includes(l.effect(), strength.vocabulary())) {
                continue;
            }
            double w = l.weight() * strength.weighted(l.cause()) * strength.propagationFactor(l.cause(), l.effect());
            edges.get(from).merge(to, w, Math::max);
        }
        double[] self = new double[n];
        for (int i = 0; i < n; i++) {
            String u = names.get(i);
            self[i] = settings.selfWeight() * (fault.getOrDefault(u, 0.0) + 0.25 * own.getOrDefault(u, 0.0));
        }
        // an inferred symptom is a guess: the walk restarts over every anomalous unit, none gets mass of its own
        double[] restart = restartVector(names, inferred ? Set.of() : symptomUnits, anomaly);
        double[] pr = pageRank(edges, self, restart);
        Set<String> explained = explainedUnits(names, edges, restart, symptomUnits);

        Instant earliest = null;
        for (String u : names) {
            Instant o = onset.get(u);
            if (o != null && anomaly.getOrDefault(u, 0.0) > 0.3 && (earliest == null || o.isBefore(earliest))) {
                earliest = o;
            }
        }
        double maxPr = 0;
        for (double p : pr) {
            maxPr = Math.max(maxPr, p);
        }
        var out = new ArrayList<UnitScore>();
        for (int i = 0; i < n; i++) {
            String u = names.get(i);
            boolean symptom = symptomUnits.contains(u);
            double a = symptom ? Math.max(fault.getOrDefault(u, 0.0), inferredAbout.getOrDefault(u, 0.0))
                    : own.getOrDefault(u, 0.0);
            Instant o = onset.get(u);
            double onsetPrior = 1.0;
            if (earliest != null && o != null) {
                double late = Math.max(0, Duration.between(earliest, o).toMillis()) / (double) settings.onsetScale().toMillis();
                onsetPrior = 1.0 + settings.onsetBoost() * Math.exp(-late);
            }
            double changePrior = 1.0 + settings.changeBoost() * changed.getOrDefault(u, 0.0);
            double historyPrior = 1.0 + settings.historyBoost() * Math.min(3, history.getOrDefault(u, 0));
            double prNorm = maxPr == 0 ? 0 : pr[i] / maxPr;
            double feedbackPrior = feedback.getOrDefault(u, 1.0);
            double score = Math.pow(prNorm, settings.rankExponent()) * (0.05 + a) * onsetPrior * changePrior * historyPrior
                    * feedbackPrior;
            out.add(new UnitScore(u, score, pr[i], anomaly.getOrDefault(u, 0.0), fault.getOrDefault(u, 0.0), o, onsetPrior, changePrior,
                    historyPrior, feedbackPrior, explained.contains(u), significance.getOrDefault(u, 0.0)));
        }
        out.sort(Comparator.comparingDouble(UnitScore::score).reversed().thenComparing(UnitScore::unit));
        return out;
    }

    private double[] restartVector(List<String> names, Set<String> symptoms, Map<String, Double> anomaly) {
        int n = names.size();
        double[] r = new double[n];
        double symptomShare = symptoms.isEmpty() ? 0 : 1 - settings.spread();
        double totalAnomaly = 0;
        for (String u : names) {
            totalAnomaly += anomaly.getOrDefault(u, 0.0);
        }
        for (int i = 0; i < n; i++) {
            String u = names.get(i);
            if (symptoms.contains(u)) {
                r[i] += symptomShare / symptoms.size();
            }
            double spreadShare = 1 - symptomShare;
            r[i] += totalAnomaly == 0 ? spreadShare / n : spreadShare * anomaly.getOrDefault(u, 0.0) / totalAnomaly;
        }
        return r;
    }

    private double[] pageRank(List<Map<Integer, Double>> edges, double[] self, double[] restart) {
        int n = restart.length;
        double[] p = restart.clone();
        double alpha = settings.teleport();
        for (int it = 0; it < ITERATIONS; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                if (p[i] == 0) {
                    continue;
                }
                double out = self[i];
                for (double w : edges.get(i).values()) {
                    out += w;
                }
                if (out <= 0) {
                    next[i] += (1 - alpha) * p[i];
                    continue;
                }
                next[i] += (1 - alpha) * p[i] * self[i] / out;
                for (var e : edges.get(i).entrySet()) {
                    next[e.getKey()] += (1 - alpha) * p[i] * e.getValue() / out;
                }
            }
            for (int i = 0; i < n; i++) {
                next[i] += alpha * restart[i];
            }
            p = next;
        }
        return p;
    }

    private static Set<String> explainedUnits(List<String> names, List<Map<Integer, Double>> edges, double[] restart,
                                              Set<String> symptoms) {
        var seen = new LinkedHashSet<Integer>();
        var todo = new java.util.ArrayDeque<Integer>();
        for (int i = 0; i < names.size(); i++) {
            if (symptoms.contains(names.get(i))) {
                todo.add(i);
            }
        }
        while (!todo.isEmpty()) {
            int i = todo.poll();
            if (seen.add(i)) {
                todo.addAll(edges.get(i).keySet());
            }
        }
        var out = new LinkedHashSet<String>();
        seen.forEach(i -> out.add(names.get(i)));
        return out;
    }

    static double noisyOr(double a, double b) {
        return 1 - (1 - a) * (1 - b);
    }

    /** The causal edges as a unit map, for evidence and tests. */
    public static Map<String, Set<String>> unitEdges(List<CausalLink> links, Topology topology) {
        var out = new LinkedHashMap<String, Set<String>>();
        for (CausalLink l : links) {
            out.computeIfAbsent(topology.unit(l.effect().entityKey()), k -> new LinkedHashSet<>())
                    .add(topology.unit(l.cause().entityKey()));
        }
        return out;
    }
}
