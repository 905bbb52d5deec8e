package dev.taproot.rules.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.rules.causal.CausalLink;
import dev.taproot.rules.causal.Topology;
import dev.taproot.rules.ranking.ErrorOrigins;
import dev.taproot.rules.ranking.SignalStrength;
import dev.taproot.rules.ranking.UnitScore;

/**
 * Builds each candidate's evidence tree: its own signals, the causal chains from its signals through
 * rules to the symptom (signal -> rule -> signal ... -> symptom), and the priors that moved it.
 */
public final class EvidenceBuilder {

    private static final int MAX_DEPTH = 5;
    private static final int MAX_BRANCHES = 3;

    private final Topology topology;
    private final SignalStrength strength;
    private final Map<String, List<CausalLink>> byCause = new HashMap<>();
    private final Set<String> symptomUnits;

    public EvidenceBuilder(Topology topology, SignalStrength strength, List<CausalLink> links, Set<String> symptomUnits) {
        this.topology = topology;
        this.strength = strength;
        this.symptomUnits = symptomUnits;
        for (CausalLink l : links) {
            byCause.computeIfAbsent(l.cause().key(), k -> new ArrayList<>()).add(l);
        }
        byCause.values().forEach(list -> list.sort(Comparator.comparingDouble(CausalLink::weight).reversed()));
    }

    /** The most specific type of the strongest fault signal on the unit (or its strongest signal). */
    public String faultType(String unit, List<Signal> signals) {
        Signal best = null;
        for (Signal s : signals) {
            if (!topology.unit(s.entityKey()).equals(unit)) {
                continue;
            }
            if (best == null || strength.weighted(s) > strength.weighted(best)) {
                best = s;
            }
        }
        return best == null ? "Unknown" : best.type();
    }

    /** The evidence tree of one candidate. */
    public Evidence explain(UnitScore u, double confidence, List<Signal> signals) {
        var origins = new ErrorOrigins(topology, signals, strength, symptomUnits);
        var own = signals.stream().filter(s -> topology.unit(s.entityKey()).equals(u.unit()))
                .sorted(Comparator.comparingDouble(origins::weighted).reversed()).limit(6).toList();
        var ownDetails = new ArrayList<Evidence>();
        own.forEach(s -> ownDetails.add(Evidence.of(origins.weighted(s), describe(s), Evidence.Kind.SIGNAL, said(s),
                s.name(), List.of())));

        var chains = new ArrayList<Evidence>();
        for (Signal s : own) {
            for (CausalLink l : byCause.getOrDefault(s.key(), List.of())) {
                if (chains.size() >= MAX_BRANCHES) {
                    break;
                }
                chains.add(chain(l, 1, new HashSet<>()));
            }
        }
        var details = new ArrayList<Evidence>();
        details.add(Evidence.of(u.anomaly(), "own signals of " + name(u.unit()) + " (noisy-or of their strengths)", ownDetails));
        details.add(Evidence.of(u.pageRank(), symptomUnits.contains(u.unit())
                ? "is a symptom entity; personalized PageRank mass over the causal graph"
                : "personalized PageRank mass from the symptoms over the causal graph", chains));
        String who = name(u.unit());
        if (!topology.callees(u.unit()).isEmpty() && own.stream().anyMatch(origins::originates)) {
            details.add(prior(1.0, "errors begin here: no callee fails, so its error signals count as faults",
                    "None of the services " + who + " calls fails: its failing requests begin there."));
        }
        details.add(prior(u.onsetPrior(), "onset prior (moved first" + (u.onset() == null ? "" : ", onset " + u.onset()) + ")",
                u.onset() != null ? who + " started to go wrong at " + u.onset() + "." : null));
        if (u.changePrior() > 1) {
            details.add(prior(u.changePrior(), "recent change prior", who + " changed shortly before."));
        }
        if (u.historyPrior() > 1) {
            details.add(prior(u.historyPrior(), "was the confirmed root cause of past incidents",
                    who + " was the confirmed root cause of past incidents."));
        }
        if (u.feedbackPrior() != 1) {
            String said = u.feedbackPrior() > 1
                    ? "people confirmed it as the cause when it was proposed before"
                    : "people rejected it as the cause when it was proposed before";
            details.add(prior(u.feedbackPrior(), said, Character.toUpperCase(said.charAt(0)) + said.substring(1) + "."));
        }
        return Evidence.of(confidence, String.format(Locale.ROOT, "%s is a root-cause candidate (score %.4f%s)",
                who, u.score(), u.explained() ? "" : "; no rule links it to the symptom"), Evidence.Kind.CANDIDATE,
                u.explained() ? null : "No rule links " + who + " to the symptom: it is listed for its own signals.", null, details);
    }

    private Evidence chain(CausalLink link, int depth, Set<String> seen) {
        var details = new ArrayList<Evidence>();
        Signal effect = link.effect();
        boolean atSymptom = symptomUnits.contains(topology.unit(effect.entityKey()));
        var effectDetails = new ArrayList<Evidence>();
        if (!atSymptom && depth < MAX_DEPTH && seen.add(effect.key())) {
            for (CausalLink next : byCause.getOrDefault(effect.key(), List.of())) {
                if (effectDetails.size() >= 2) {
                    break;
                }
                effectDetails.add(chain(next, depth + 1, seen));
            }
        }
        details.add(Evidence.of(strength.weighted(effect), describe(effect) + (atSymptom ? " [symptom]" : ""),
                Evidence.Kind.SIGNAL, said(effect), effect.name(), effectDetails));
        return Evidence.of(link.weight(), "rule " + link.rule().id() + ": " + link.message(), Evidence.Kind.CAUSAL_LINK,
                sentence(link.message()), link.rule().id(), details);
    }

    private static Evidence prior(double value, String description, String sentence) {
        return Evidence.of(value, description, Evidence.Kind.PRIOR, sentence, null, List.of());
    }

    private static String sentence(String message) {
        String m = message.strip();
        return m.isEmpty() ? null : m + (m.endsWith(".") ? "" : ".");
    }

    /** A signal for people: what, where, since when, and how strong in words (with its anomaly score when it has one). */
    String said(Signal s) {
        var sb = new StringBuilder(name(s.entityKey())).append(" shows ").append(s.type());
        if (!s.name().equals(s.type())) {
            sb.append(" (").append(s.name()).append(')');
        }
        sb.append(" since ").append(s.start()).append(": ").append(strengthInWords(strength.weighted(s)));
        double score = Math.abs(s.number("score", Double.NaN));
        if (!Double.isNaN(score)) {
            sb.append(String.format(Locale.ROOT, ", %.1f robust z", score));
            Object observed = s.attributes().get("observed");
            Object baseline = s.attributes().get("baseline");
            if (observed instanceof Number o && baseline instanceof Number b) {
                sb.append(String.format(Locale.ROOT, ", %.3g against %.3g usually", o.doubleValue(), b.doubleValue()));
            }
        }
        return sb.append('.').toString();
    }

    /** A weighted strength in [0, 1) in words. */
    static String strengthInWords(double w) {
        return w >= 0.7 ? "strong" : w >= 0.4 ? "clear" : w >= 0.2 ? "weak" : "faint";
    }

    /** One signal as a line: type, name, entity, start, and its values. */
    public String describe(Signal s) {
        var sb = new StringBuilder();
        sb.append(s.type());
        if (!s.name().equals(s.type())) {
            sb.append(" '").append(s.name()).append('\'');
        }
        sb.append(" on ").append(name(s.entityKey())).append(" from ").append(s.start());
        var values = new ArrayList<String>();
        for (String a : List.of("metric", "observed", "baseline", "score", "direction", "count", "reason", "pod")) {
            Object v = s.attributes().get(a);
            if (v != null) {
                values.add(a + "=" + (v instanceof Double d ? String.format(Locale.ROOT, "%.3g", d) : v));
            }
        }
        if (!values.isEmpty()) {
            sb.append(" (").append(String.join(", ", values)).append(')');
        }
        return sb.toString();
    }

    private String name(String key) {
        Entity e = topology.entity(key);
        return e == null ? key : e.name();
    }
}
