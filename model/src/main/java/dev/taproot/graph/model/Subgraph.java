package dev.taproot.graph.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded, in-memory slice of the graph: entities, the relationships among them valid at one time,
 * and the signals on them in a window. The rule engine works on this and never goes back to the store.
 */
public record Subgraph(List<Entity> entities, List<Relationship> relationships, List<Signal> signals) {

    public Subgraph {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
        signals = List.copyOf(signals);
    }

    public static Subgraph empty() {
        return new Subgraph(List.of(), List.of(), List.of());
    }

    /** Entities by key. */
    public Map<String, Entity> entitiesByKey() {
        var byKey = new LinkedHashMap<String, Entity>();
        entities.forEach(e -> byKey.put(e.key(), e));
        return byKey;
    }

    public Optional<Entity> entity(String key) {
        return entities.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** Signals grouped by the entity they are on. */
    public Map<String, List<Signal>> signalsByEntity() {
        var byEntity = new LinkedHashMap<String, List<Signal>>();
        signals.forEach(s -> byEntity.computeIfAbsent(s.entityKey(), k -> new ArrayList<>()).add(s));
        return byEntity;
    }

    /** Relationships of the given types leaving {@code key}. */
    public List<Relationship> outgoing(String key, Collection<String> types) {
        return relationships.stream()
                .filter(r -> r.fromKey().equals(key) && (types.isEmpty() || types.contains(r.type())))
                .toList();
    }

    /** Relationships of the given types arriving at {@code key}. */
    public List<Relationship> incoming(String key, Collection<String> types) {
        return relationships.stream()
                .filter(r -> r.toKey().equals(key) && (types.isEmpty() || types.contains(r.type())))
                .toList();
    }
}
