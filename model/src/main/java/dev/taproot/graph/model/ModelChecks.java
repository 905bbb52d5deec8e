package dev.taproot.graph.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation shared by the model records: the graph stores flat properties only. */
final class ModelChecks {

    static final Set<String> ENTITY_RESERVED = Set.of("key", "type", "name", "aliases", "firstSeen", "lastSeen");
    static final Set<String> RELATIONSHIP_RESERVED = Set.of("validFrom", "validTo");
    static final Set<String> SIGNAL_RESERVED = Set.of("key", "type", "name", "entityKey", "severity", "start", "end", "source");

    private ModelChecks() {
    }

    /** Stored times lie in 1970..2200: anything else is a unit mistake (millis as seconds) or garbage. */
    static Instant saneTime(Instant t, String field) {
        return saneTime(t, field, Times.EARLIEST);
    }

    static Instant saneTime(Instant t, String field, Instant earliest) {
        if (t != null && (t.isBefore(earliest) || t.isAfter(Times.LATEST))) {
            throw new IllegalArgumentException(field + " " + t + " is outside " + earliest + " .. " + Times.LATEST);
        }
        return t;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /**
     * Copies a property map, keeping insertion order, and checks every value is a string, number,
     * boolean or a list of those, and that no key shadows a field of the record.
     */
    static Map<String, Object> flatProperties(Map<String, ?> properties, String owner, Set<String> reserved) {
        if (properties == null || properties.isEmpty()) {
            return Map.of();
        }
        var copy = new LinkedHashMap<String, Object>();
        properties.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException(owner + ": a property has an empty name");
            }
            if (k.startsWith("_")) {
                throw new IllegalArgumentException(owner + ": property '" + k + "' starts with '_', which the store keeps for itself");
            }
            if (reserved.contains(k)) {
                throw new IllegalArgumentException(owner + ": property '" + k + "' is reserved");
            }
            if (v == null) {
                return;
            }
            copy.put(k, flatValue(v, owner, k));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object flatValue(Object v, String owner, String property) {
        if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(item -> {
                if (item instanceof List<?> || item instanceof Map<?, ?>) {
                    throw new IllegalArgumentException(owner + ": property '" + property + "' nests a list or map");
                }
                return String.valueOf(item);
            }).toList();
        }
        if (v instanceof Set<?> set) {
            return flatValue(List.copyOf(set), owner, property);
        }
        if (v instanceof Map<?, ?>) {
            throw new IllegalArgumentException(owner + ": property '" + property + "' is a map; flatten it");
        }
        return v.toString();
    }
}
