package dev.taproot.graph.model;

import java.util.Map;

/**
 * How much the graph holds.
 *
 * @param entities      entity nodes
 * @param relationships topology relationships between entities (currently valid or not)
 * @param signals       signal nodes
 * @param incidents     incident nodes
 * @param entitiesByType entity counts per entity type
 */
public record GraphCounts(long entities, long relationships, long signals, long incidents,
                          Map<String, Long> entitiesByType) {

    public GraphCounts {
        entitiesByType = entitiesByType == null ? Map.of() : Map.copyOf(entitiesByType);
    }
}
