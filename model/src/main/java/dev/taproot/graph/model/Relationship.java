package dev.taproot.graph.model;

import java.time.Instant;
import java.util.Map;

/**
 * A typed, directed, time-bounded link between two entities, for example
 * {@code frontend -CALLS-> cartservice} or {@code pod -RUNS_ON-> node}.
 *
 * @param type       a relationship type of the vocabulary ({@link RelationshipTypes})
 * @param fromKey    key of the source entity
 * @param toKey      key of the target entity
 * @param properties flat properties (rates, weights, the source that reported it)
 * @param validFrom  from when the link holds (null: since ever)
 * @param validTo    until when it held (null: still holds)
 */
public record Relationship(String type, String fromKey, String toKey, Map<String, Object> properties,
                           Instant validFrom, Instant validTo) {

    public Relationship {
        ModelChecks.saneTime(validFrom, "relationship.validFrom");
        ModelChecks.saneTime(validTo, "relationship.validTo");
        ModelChecks.requireText(type, "relationship.type");
        ModelChecks.requireText(fromKey, "relationship.from");
        ModelChecks.requireText(toKey, "relationship.to");
        if (!type.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("relationship.type '" + type + "' must be UPPER_SNAKE_CASE");
        }
        properties = ModelChecks.flatProperties(properties, "relationship " + fromKey + "-" + type + "->" + toKey,
                ModelChecks.RELATIONSHIP_RESERVED);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("relationship " + fromKey + "-" + type + "->" + toKey
                    + ": validTo is before validFrom");
        }
    }

    /** An open-ended relationship without properties. */
    public static Relationship of(String type, String fromKey, String toKey) {
        return new Relationship(type, fromKey, toKey, Map.of(), null, null);
    }

    /** Whether this relationship holds at {@code at} (null: at any time). */
    public boolean validAt(Instant at) {
        if (at == null) {
            return validTo == null;
        }
        return (validFrom == null || !validFrom.isAfter(at)) && (validTo == null || validTo.isAfter(at));
    }

    /** Identity of the relationship: the same type between the same two entities. */
    public String identity() {
        return fromKey + "|" + type + "|" + toKey;
    }
}
