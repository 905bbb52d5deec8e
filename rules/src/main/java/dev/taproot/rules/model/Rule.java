package dev.taproot.rules.model;

import java.util.List;
import java.util.Map;

/**
 * A declarative causal rule: when a signal matching {@code cause} is on an entity related to the
 * entity of a signal matching {@code effect} as {@code relation} says, and it started as
 * {@code time} allows, the cause explains the effect with {@code confidence}.
 *
 * @param id         stable id, {@code area.kebab-name}
 * @param title      one line for humans
 * @param category   area (kubernetes, change, propagation, resource, network, database, queue, node)
 * @param cause      what the cause signal looks like
 * @param effect     what the effect signal looks like
 * @param relation   how the cause's entity must relate to the effect's entity
 * @param time       how the cause's start must relate to the effect's start
 * @param confidence how strongly the cause explains the effect, in (0, 1]
 * @param message    template: {cause.entity}, {cause.type}, {effect.entity}, {effect.type}, {cause.<attr>}
 * @param thresholds named thresholds referenced as {@code $name} in conditions, with their defaults
 * @param overrides  threshold values for some entities, namespaces or entity types
 * @param examples   positive and negative example cases checked by {@code taproot rules test}
 * @param origin     where the rule was loaded from (file name)
 */
public record Rule(String id, String title, String category, SignalPattern cause, SignalPattern effect,
                   EntityRelation relation, TimeRelation time, double confidence, String message,
                   Map<String, Double> thresholds, List<ThresholdOverride> overrides, List<RuleExample> examples,
                   String origin) {

    public Rule {
        thresholds = Map.copyOf(thresholds);
        overrides = List.copyOf(overrides);
        examples = List.copyOf(examples);
    }
}
