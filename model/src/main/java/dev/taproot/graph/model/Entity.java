package dev.taproot.graph.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A thing in the operated system: a service, workload, pod, node, database, queue, config object,
 * API, catalog component and so on.
 *
 * @param key        stable identity, for example {@code k8s/prod/Deployment/cartservice}; see {@link EntityKeys}
 * @param type       an entity type of the vocabulary, for example {@code Service}
 * @param name       the short human name, for example {@code cartservice}
 * @param properties flat properties (string, number, boolean or a list of strings)
 * @param aliases    other names under which sources refer to the same thing
 * @param firstSeen  when a source first reported it (null when unknown)
 * @param lastSeen   when a source last reported it (null when unknown)
 */
public record Entity(String key, String type, String name, Map<String, Object> properties,
                     Set<String> aliases, Instant firstSeen, Instant lastSeen) {

    public Entity {
        ModelChecks.saneTime(firstSeen, "entity.firstSeen");
        ModelChecks.saneTime(lastSeen, "entity.lastSeen");
        ModelChecks.requireText(key, "entity.key");
        ModelChecks.requireText(type, "entity.type");
        name = name == null || name.isBlank() ? key : name;
        properties = ModelChecks.flatProperties(properties, "entity " + key, ModelChecks.ENTITY_RESERVED);
        aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    }

    /** An entity with no properties, aliases or sighting times. */
    public static Entity of(String key, String type, String name) {
        return new Entity(key, type, name, Map.of(), Set.of(), null, null);
    }

    /** This entity with one more property. */
    public Entity withProperty(String property, Object value) {
        var copy = new java.util.LinkedHashMap<>(properties);
        copy.put(property, value);
        return new Entity(key, type, name, copy, aliases, firstSeen, lastSeen);
    }

    /** This entity with the given aliases added. */
    public Entity withAliases(Set<String> more) {
        var all = new java.util.LinkedHashSet<>(aliases);
        all.addAll(more);
        return new Entity(key, type, name, properties, all, firstSeen, lastSeen);
    }

    /** This entity seen at {@code at}. */
    public Entity seenAt(Instant at) {
        return new Entity(key, type, name, properties, aliases, at, at);
    }

    /** A string property, or null. */
    public String property(String property) {
        Object value = properties.get(property);
        return value == null ? null : value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entity e && key.equals(e.key) && type.equals(e.type) && name.equals(e.name)
                && properties.equals(e.properties) && aliases.equals(e.aliases)
                && Objects.equals(firstSeen, e.firstSeen) && Objects.equals(lastSeen, e.lastSeen);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
