package dev.taproot.ingest.coalesce;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;

/**
 * What pushes asked to write since the last flush, merged by identity exactly as the store merges
 * repeated upserts, beside what the store is known to hold already (the records this buffer wrote
 * since the store last changed under it). Writing the merged records once leaves the store as writing
 * every push in turn would; records the store already holds unchanged are not written at all.
 *
 * <p>Not thread-safe: {@link CoalescedGraphWrites} guards it.
 */
final class PendingWrites {

    /** Most records known to be stored; past it the knowledge is dropped (only costs writes). */
    static final int MAX_KNOWN = 100_000;

    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    private final Map<String, Signal> signals = new LinkedHashMap<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, Entity> storedEntities = new HashMap<>();
    private final Map<String, Relationship> storedRelationships = new HashMap<>();

    /**
     * Adds a push's records.
     *
     * @return whether the push changes what an analysis reads (an entity, relationship or validity the
     *         store does not hold yet, a signal, an incident); false when it only refreshes the properties
     *         of relationships already stored (a CALLS edge's request and latency figures), or nothing
     */
    boolean add(GraphBatch batch) {
        boolean changes = !batch.signals().isEmpty() || !batch.incidents().isEmpty();
        for (Entity e : batch.entities()) {
            entities.merge(e.key(), e, PendingWrites::merge);
            Entity stored = storedEntities.get(e.key());
            changes |= stored == null || !merge(stored, e).equals(stored);
        }
        for (Relationship r : batch.relationships()) {
            relationships.merge(r.identity(), r, PendingWrites::merge);
            Relationship stored = storedRelationships.get(r.identity());
            changes |= stored == null || !sameValidity(merge(stored, r), stored);
        }
        batch.signals().forEach(s -> signals.merge(s.key(), s, PendingWrites::merge));
        batch.incidents().forEach(i -> incidents.put(i.id(), i));
        return changes;
    }

    /** Records waiting, stored unchanged or not. */
    int size() {
        return entities.size() + relationships.size() + signals.size() + incidents.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** How many records the store is known to hold. */
    int known() {
        return storedEntities.size() + storedRelationships.size();
    }

    /** The waiting records that would change the store, as one batch; nothing waits afterwards. */
    GraphBatch drain() {
        var outEntities = new ArrayList<Entity>();
        entities.values().forEach(e -> {
            Entity stored = storedEntities.get(e.key());
            if (stored == null || !merge(stored, e).equals(stored)) {
                outEntities.add(e);
            }
        });
        var outRelationships = new ArrayList<Relationship>();
        relationships.values().forEach(r -> {
            Relationship stored = storedRelationships.get(r.identity());
            if (stored == null || !merge(stored, r).equals(stored)) {
                outRelationships.add(r);
            }
        });
        var batch = new GraphBatch(outEntities, outRelationships, List.copyOf(signals.values()), List.copyOf(incidents.values()));
        entities.clear();
        relationships.clear();
        signals.clear();
        incidents.clear();
        return batch;
    }

    /** The store now holds this batch (written by this buffer, with nobody else writing meanwhile). */
    void stored(GraphBatch batch) {
        if (known() + batch.entities().size() + batch.relationships().size() > MAX_KNOWN) {
            forgetStored();
        }
        batch.entities().forEach(e -> storedEntities.merge(e.key(), e, PendingWrites::merge));
        batch.relationships().forEach(r -> storedRelationships.merge(r.identity(), r, PendingWrites::merge));
    }

    /** Someone else may have written: nothing is known to be stored any more, so everything is written next. */
    void forgetStored() {
        storedEntities.clear();
        storedRelationships.clear();
    }

    /** Puts back a batch whose write failed, under whatever was added since (which is newer). */
    void restore(GraphBatch failed) {
        failed.entities().forEach(e -> entities.merge(e.key(), e, (newer, old) -> merge(old, newer)));
        failed.relationships().forEach(r -> relationships.merge(r.identity(), r, (newer, old) -> merge(old, newer)));
        failed.signals().forEach(s -> signals.merge(s.key(), s, (newer, old) -> merge(old, newer)));
        failed.incidents().forEach(i -> incidents.putIfAbsent(i.id(), i));
    }

    /** An entity upserted twice, as the store keeps it: the later name, type and properties win; aliases join; sightings widen. */
    static Entity merge(Entity old, Entity next) {
        var props = new LinkedHashMap<String, Object>(old.properties());
        props.putAll(next.properties());
        var aliases = new LinkedHashSet<>(old.aliases());
        aliases.addAll(next.aliases());
        return new Entity(next.key(), next.type(), next.name(), props, aliases,
                earlier(old.firstSeen(), next.firstSeen()), later(old.lastSeen(), next.lastSeen()));
    }

    /**
     * A relationship upserted twice, as the store keeps it: an open one takes the later properties over
     * the earlier and the earlier start; a closed one (or one closing) is replaced by the later write.
     */
    static Relationship merge(Relationship old, Relationship next) {
        if (old.validTo() != null || next.validTo() != null) {
            return next;
        }
        var props = new LinkedHashMap<String, Object>(old.properties());
        props.putAll(next.properties());
        Instant from = old.validFrom() == null || next.validFrom() == null ? null : earlier(old.validFrom(), next.validFrom());
        return new Relationship(next.type(), next.fromKey(), next.toKey(), props, from, null);
    }

    /** A signal upserted twice: the later fields win, attributes join (the store adds them). */
    static Signal merge(Signal old, Signal next) {
        var attrs = new LinkedHashMap<String, Object>(old.attributes());
        attrs.putAll(next.attributes());
        return new Signal(next.key(), next.type(), next.entityKey(), next.name(), next.severity(), next.start(), next.end(),
                attrs, next.source());
    }

    private static boolean sameValidity(Relationship a, Relationship b) {
        return Objects.equals(a.validFrom(), b.validFrom()) && Objects.equals(a.validTo(), b.validTo());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
