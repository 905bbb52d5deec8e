package dev.taproot.rules.model;

import java.util.Map;

import dev.taproot.graph.model.Entity;

/**
 * Threshold values for some entities: those with this key or name, in this namespace, or of this
 * type (any that is set must match). The most specific matching override wins: entity, then
 * namespace, then type.
 */
public record ThresholdOverride(String entity, String namespace, String entityType, Map<String, Double> thresholds) {

    public ThresholdOverride {
        thresholds = Map.copyOf(thresholds);
    }

    /** Whether this override applies to the entity. */
    public boolean appliesTo(Entity e) {
        if (e == null) {
            return false;
        }
        if (entity != null && !entity.equals(e.key()) && !entity.equalsIgnoreCase(e.name())) {
            return false;
        }
        if (namespace != null && !namespace.equals(e.property("namespace"))) {
            return false;
        }
        return entityType == null || entityType.equals(e.type());
    }

    /** Higher is more specific. */
    public int specificity() {
        return (entity != null ? 4 : 0) + (namespace != null ? 2 : 0) + (entityType != null ? 1 : 0);
    }
}
