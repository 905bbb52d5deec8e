package dev.taproot.rules.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.taproot.rules.model.Rule;

/**
 * A versioned, immutable set of rules, keyed by id. Later sources override earlier ones with the
 * same id (a rules directory overrides the built-in pack).
 *
 * @param version where the pack came from and when, for answers and logs
 * @param rules   the rules, in load order
 */
public record RulePack(String version, List<Rule> rules) {

    public RulePack {
        var byId = new LinkedHashMap<String, Rule>();
        rules.forEach(r -> byId.put(r.id(), r));
        rules = List.copyOf(byId.values());
    }

    /** The pack shipped inside Taproot. */
    public static RulePack builtIn() {
        return RuleLoader.builtIn();
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rules with the given ids (all when {@code ids} is empty); unknown ids are an error. */
    public List<Rule> select(Set<String> ids) {
        if (ids.isEmpty()) {
            return rules;
        }
        for (String id : ids) {
            if (rule(id).isEmpty()) {
                throw new IllegalArgumentException("unknown rule id '" + id + "'");
            }
        }
        return rules.stream().filter(r -> ids.contains(r.id())).toList();
    }

    /** This pack with the rules of {@code other} added or replacing same-id rules. */
    public RulePack overriddenBy(RulePack other) {
        var merged = new LinkedHashMap<String, Rule>();
        rules.forEach(r -> merged.put(r.id(), r));
        other.rules.forEach(r -> merged.put(r.id(), r));
        return new RulePack(version + "+" + other.version, List.copyOf(merged.values()));
    }

    /** Rule counts per category. */
    public Map<String, Long> countsByCategory() {
        var counts = new java.util.TreeMap<String, Long>();
        rules.forEach(r -> counts.merge(r.category(), 1L, Long::sum));
        return counts;
    }
}
