package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;
import dev.taproot.rules.causal.CausalLink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Analysis.RuleFailure;
import dev.taproot.rules.model.EntityRelation;
import dev.taproot.rules.model.Rule;
import dev.taproot.rules.model.ThresholdOverride;
import dev.taproot.rules.model.Thresholds;

/**
 * Evaluates rules over the signals of a subgraph and returns the causal links they establish. Each
 * rule is evaluated in isolation: one that throws is reported as a {@link RuleFailure} and the
 * others go on.
 */
public final class RuleMatcher {

    /** Links kept per rule, effect signal and cause unit, strongest cause first (bounds work on dense graphs). */
    static final int MAX_CAUSES_PER_UNIT = 3;

    private final Vocabulary vocabulary;

    public RuleMatcher(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The links and failures of matching {@code rules} on {@code signals} over {@code topology}. */
    public Result match(List<Rule> rules, List<Signal> signals, Topology topology) {
        var links = new ArrayList<CausalLink>();
        var failures = new ArrayList<RuleFailure>();
        for (Rule rule : rules) {
            try {
                links.addAll(matchRule(rule, signals, topology));
            } catch (RuntimeException e) {
                failures.add(new RuleFailure(rule.id(), e.getClass().getSimpleName() + ": " + dev.taproot.graph.store.ErrorMessages.describe(e)));
            }
        }
        return new Result(links, failures);
    }

    /** What matching produced. */
    public record Result(List<CausalLink> links, List<RuleFailure> failures) {
    }

    List<CausalLink> matchRule(Rule rule, List<Signal> signals, Topology topology) {
        var causesByUnit = new HashMap<String, List<Signal>>();
        var effects = new ArrayList<Signal>();
        for (Signal s : signals) {
            Entity e = topology.entity(s.entityKey());
            if (rule.cause().matches(s, e, vocabulary, thresholds(rule, e))) {
                causesByUnit.computeIfAbsent(topology.unit(s.entityKey()), k -> new ArrayList<>()).add(s);
            }
            if (rule.effect().matches(s, e, vocabulary, thresholds(rule, e))) {
                effects.add(s);
            }
        }
        if (causesByUnit.isEmpty() || effects.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<CausalLink>();
        var reachCache = new HashMap<String, Set<String>>();
        for (Signal effect : effects) {
            for (String unit : related(rule.relation(), effect.entityKey(), topology, reachCache)) {
                var found = new ArrayList<CausalLink>();
                for (Signal cause : causesByUnit.getOrDefault(unit, List.of())) {
                    if (cause.key().equals(effect.key()) || !rule.time().allows(cause.start(), effect.start())) {
                        continue;
                    }
                    found.add(new CausalLink(rule, cause, effect, rule.confidence(), message(rule, cause, effect, topology)));
                }
                if (found.size() > MAX_CAUSES_PER_UNIT) {
                    found.sort(Comparator.comparingDouble((CausalLink l) -> -l.cause().number("score", 0)));
                    found.subList(MAX_CAUSES_PER_UNIT, found.size()).clear();
                }
                out.addAll(found);
            }
        }
        return out;
    }

    /**
     * The units a rule predicts an effect on when {@code causeUnit} shows its cause: those whose effect
     * the rule would trace back to it (the rule's relation read backwards). Each maps to whether a
     * signal matching the rule's effect was seen there. The cause's own unit and relations that say
     * nothing about where (same entity, any) are left out. {@code cache} holds reach sets between calls
     * over the same topology.
     */
    public Map<String, Boolean> predictions(Rule rule, String causeUnit, java.util.Collection<String> units,
                                            Map<String, List<Signal>> signalsByUnit, Topology t, Map<String, Set<String>> cache) {
        var out = new java.util.TreeMap<String, Boolean>();
        if (rule.relation().kind() == EntityRelation.Kind.SAME_ENTITY || rule.relation().kind() == EntityRelation.Kind.ANY) {
            return out;
        }
        for (String u : units) {
            if (u.equals(causeUnit) || !related(rule.relation(), u, t, cache).contains(causeUnit)) {
                continue;
            }
            boolean seen = false;
            for (Signal s : signalsByUnit.getOrDefault(u, List.of())) {
                Entity e = t.entity(s.entityKey());
                if (rule.effect().matches(s, e, vocabulary, thresholds(rule, e))) {
                    seen = true;
                    break;
                }
            }
            out.put(u, seen);
        }
        return out;
    }

    /** Whether one of these signals is a cause the rule starts from. */
    public boolean startsFrom(Rule rule, List<Signal> signals, Topology t) {
        for (Signal s : signals) {
            Entity e = t.entity(s.entityKey());
            if (rule.cause().matches(s, e, vocabulary, thresholds(rule, e))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> related(EntityRelation relation, String key, Topology t, Map<String, Set<String>> cache) {
        String unit = t.unit(key);
        return switch (relation.kind()) {
            case SAME_ENTITY -> Set.of(unit);
            case CALLEE -> cache.computeIfAbsent("d" + relation.maxHops() + unit,
                    k -> t.reach(unit, true, relation.maxHops()).keySet());
            case CALLER -> cache.computeIfAbsent("u" + relation.maxHops() + unit,
                    k -> t.reach(unit, false, relation.maxHops()).keySet());
            case HOST -> union(t.hosts(unit), t.hosts(key));
            case CO_LOCATED -> {
                var out = new LinkedHashSet<String>();
                for (String h : union(t.hosts(unit), t.hosts(key))) {
                    t.guests(h).forEach(g -> out.add(t.unit(g)));
                }
                out.remove(unit);
                yield out;
            }
            case CONFIG -> union(t.configs(unit), t.configs(key));
            case OWNERSHIP -> {
                var out = new LinkedHashSet<String>();
                t.ownershipNeighbours(key).forEach(n -> out.add(t.unit(n)));
                t.ownershipNeighbours(unit).forEach(n -> out.add(t.unit(n)));
                out.add(unit);
                yield out;
            }
            case DEPENDENCY -> union(t.dependencies(unit), t.callees(unit));
            case CONSUMER -> t.consumers(unit);
            case ANY -> {
                var out = new LinkedHashSet<String>();
                for (EntityRelation.Kind k : EntityRelation.Kind.values()) {
                    if (k != EntityRelation.Kind.ANY) {
                        out.addAll(related(new EntityRelation(k, relation.maxHops()), key, t, cache));
                    }
                }
                yield out;
            }
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        var out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    /** The thresholds in force for a rule on one entity: defaults, then the most specific override. */
    static Thresholds thresholds(Rule rule, Entity entity) {
        if (rule.overrides().isEmpty() || entity == null) {
            return new Thresholds(rule.id(), rule.thresholds());
        }
        ThresholdOverride best = null;
        for (ThresholdOverride o : rule.overrides()) {
            if (o.appliesTo(entity) && (best == null || o.specificity() > best.specificity())) {
                best = o;
            }
        }
        if (best == null) {
            return new Thresholds(rule.id(), rule.thresholds());
        }
        var merged = new HashMap<>(rule.thresholds());
        merged.putAll(best.thresholds());
        return new Thresholds(rule.id(), merged);
    }

    static String message(Rule rule, Signal cause, Signal effect, Topology t) {
        String m = rule.message()
                .replace("{cause.entity}", name(cause, t)).replace("{effect.entity}", name(effect, t))
                .replace("{cause.type}", cause.type()).replace("{effect.type}", effect.type())
                .replace("{cause.name}", cause.name()).replace("{effect.name}", effect.name());
        if (m.contains("{cause.")) {
            for (var a : cause.attributes().entrySet()) {
                m = m.replace("{cause." + a.getKey() + "}", String.valueOf(a.getValue()));
            }
        }
        return m;
    }

    private static String name(Signal s, Topology t) {
        Entity e = t.entity(s.entityKey());
        return e == null ? s.entityKey() : e.name();
    }
}
