package dev.taproot.rules.model;

import java.util.List;

/**
 * An example case shipped with a rule: a small graph and signals, and the entity the rule must
 * blame ({@code expect}), or {@code none} for a negative example where the rule must not fire.
 *
 * @param name      what the example shows
 * @param entities  {@code "Type key"} lines
 * @param relations {@code "fromKey TYPE toKey"} lines
 * @param signals   {@code "Type entityKey +offset attr=value ..."} lines (offset like {@code -5m}, {@code 0}, {@code +30s})
 * @param expect    the key of the cause entity the rule must link, or {@code none}
 */
public record RuleExample(String name, List<String> entities, List<String> relations, List<String> signals,
                          String expect) {

    public RuleExample {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
        signals = List.copyOf(signals);
    }

    public boolean negative() {
        return "none".equalsIgnoreCase(expect);
    }
}
