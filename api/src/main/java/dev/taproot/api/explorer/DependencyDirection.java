package dev.taproot.api.explorer;

import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;

/**
 * Which end of a relationship depends on the other, for blast radius and paths: a caller depends on
 * its callee, a pod on its node, a service on the workloads it selects, an owner on what it owns, a
 * component on the API it consumes; an API depends on the component that provides it.
 */
final class DependencyDirection {

    private DependencyDirection() {
    }

    /** The key of the dependent end, or null for relationships that carry no dependency. */
    static String dependent(Relationship r) {
        return switch (r.type()) {
            case RelationshipTypes.PROVIDES_API -> r.toKey();
            case RelationshipTypes.MEMBER_OF, RelationshipTypes.PART_OF, RelationshipTypes.OWNED_BY,
                 RelationshipTypes.SCALES -> null;
            default -> r.fromKey();
        };
    }

    /** The key of the end depended on, or null. */
    static String dependency(Relationship r) {
        String dependent = dependent(r);
        if (dependent == null) {
            return null;
        }
        return dependent.equals(r.fromKey()) ? r.toKey() : r.fromKey();
    }
}
