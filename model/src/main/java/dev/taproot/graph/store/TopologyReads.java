package dev.taproot.graph.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;

/**
 * Reads of the topology: entities and the relationships among them over time, by key, name, type or
 * neighbourhood. For the explorer, name resolution and anything that walks the graph.
 */
public interface TopologyReads {

    /** Reads the bounded subgraph the query describes (one or a few round trips). */
    Subgraph subgraph(SubgraphQuery query);

    /** Entities within {@code depth} hops of one entity and the relationships among them, as of a time. */
    Subgraph neighbourhood(String key, int depth, Instant asOf);

    /**
     * The keys of {@link #neighbourhood}'s entities in the same order (the entity first, then nearest
     * first), for callers that need no more than the keys: a store may answer without reading the
     * entities and relationships.
     */
    default List<String> neighbourhoodKeys(String key, int depth, Instant asOf) {
        return neighbourhood(key, depth, asOf).entities().stream().map(Entity::key).toList();
    }

    /**
     * Every entity, every open topology relationship and every signal, one at a time (entities first),
     * without holding the graph in memory: for exports.
     */
    void stream(GraphVisitor visitor);

    /** One entity by key. */
    Optional<Entity> entity(String key);

    /** Entities whose key, name or an alias equals {@code nameOrAlias} (case-insensitive on name and alias). */
    List<Entity> findEntities(String nameOrAlias);

    /** Every entity of a type (or all when {@code type} is null), up to {@code limit}. */
    List<Entity> entities(String type, int limit);

    /** Relationships currently valid, of the given types (all when empty), up to {@code limit}. */
    List<Relationship> relationships(Collection<String> types, int limit);

    /** Relationships touching an entity, whatever their validity, for its history. */
    List<Relationship> relationshipsOf(String key);
}
