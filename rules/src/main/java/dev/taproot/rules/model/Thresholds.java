package dev.taproot.rules.model;

import java.util.Map;

/** Threshold values in force for one evaluation: the rule's defaults with any override applied. */
public record Thresholds(String ruleId, Map<String, Double> values) {

    public Thresholds {
        values = Map.copyOf(values);
    }

    /** The named threshold; an unknown name is a rule bug and fails the rule, not the analysis. */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("rule " + ruleId + " uses undefined threshold $" + name);
        }
        return v;
    }
}
