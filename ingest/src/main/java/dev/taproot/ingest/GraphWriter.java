package dev.taproot.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;

/**
 * Where an ingestor puts what it read. Nothing reaches the store until the caller commits the
 * collected batch, in one transaction.
 *
 * <p>Records are merged by identity as they arrive: an entity written twice keeps the union of its
 * aliases and properties, a relationship or signal written twice is kept once (the last wins). The
 * writer carries the request's {@link EntityResolver}, which already knows every entity written here.
 */
public final class GraphWriter {

    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    private final Map<String, Signal> signals = new LinkedHashMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final EntityResolver resolver;
    private final List<String> notes = new ArrayList<>();

    /** A writer with a resolver that knows only what is written here. */
    public GraphWriter() {
        this(EntityResolver.standalone());
    }

    /** A writer whose resolver also knows the store. */
    public GraphWriter(EntityResolver resolver) {
        this.resolver = resolver;
    }

    public GraphWriter entity(Entity e) {
        Entity merged = entities.merge(e.key(), e, GraphWriter::merge);
        resolver.register(merged);
        return this;
    }

    public GraphWriter relationship(Relationship r) {
        relationships.put(r.identity(), r);
        return this;
    }

    public GraphWriter signal(Signal s) {
        signals.put(s.key(), s);
        return this;
    }

    public GraphWriter incident(Incident i) {
        incidents.put(i.id(), i);
        return this;
    }

    /** Records a remark for the ingest report (an ambiguous name, a placeholder created). */
    public GraphWriter note(String note) {
        notes.add(note);
        return this;
    }

    /** The resolver of this request. */
    public EntityResolver resolver() {
        return resolver;
    }

    /** An entity written here so far. */
    public Optional<Entity> written(String key) {
        return Optional.ofNullable(entities.get(key));
    }

    /** Every entity written so far. */
    public List<Entity> entities() {
        return List.copyOf(entities.values());
    }

    /** Remarks recorded so far, plus the resolver's ambiguities. */
    public List<String> notes() {
        var all = new ArrayList<>(notes);
        all.addAll(resolver.ambiguities());
        return all;
    }

    /** Everything collected so far. */
    public GraphBatch batch() {
        return new GraphBatch(List.copyOf(entities.values()), List.copyOf(relationships.values()),
                List.copyOf(signals.values()), List.copyOf(incidents.values()));
    }

    private static Entity merge(Entity old, Entity next) {
        var props = new LinkedHashMap<String, Object>(old.properties());
        props.putAll(next.properties());
        var aliases = new LinkedHashSet<>(old.aliases());
        aliases.addAll(next.aliases());
        return new Entity(next.key(), next.type(), next.name(), props, aliases,
                min(old.firstSeen(), next.firstSeen()), max(old.lastSeen(), next.lastSeen()));
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
