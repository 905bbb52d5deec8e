package dev.taproot.api.explorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;

/** An entity's history: signals, changes, incidents and topology changes, oldest first. */
public final class Timeline {

    /** Most events one timeline returns. */
    public static final int MAX_EVENTS = 1_000;

    private final GraphReads store;
    private final Vocabulary vocabulary;

    /**
     * One event.
     *
     * @param time     when
     * @param end      when it ended (signals), or null
     * @param kind     signal, change, incident, topology
     * @param type     signal type, incident severity or relationship type
     * @param name     what the source calls it
     * @param severity normalised severity, or null
     * @param entity   the entity it is on
     * @param detail   one line
     */
    public record Event(Instant time, Instant end, String kind, String type, String name, String severity, String entity,
                        String detail) {
    }

    public Timeline(GraphReads store, Vocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
    }

    /** Events on {@code entity} and the workloads/pods it stands for, between {@code from} and {@code to} (null: open). */
    public List<Event> of(Entity entity, Instant from, Instant to) {
        Set<String> keys = Related.keysOf(store, entity.key(), null);
        var events = new ArrayList<Event>();
        for (Signal s : store.signals(keys, from, to)) {
            boolean change = vocabulary.knows(s.type()) && vocabulary.isA(s.type(), "Change");
            events.add(new Event(s.start(), s.end(), change ? "change" : "signal", s.type(), s.name(),
                    s.severity().name(), s.entityKey(), s.attributes().getOrDefault("message",
                    s.attributes().getOrDefault("summary", s.source())).toString()));
        }
        for (Incident i : store.incidentsOf(entity.key(), from, to == null ? null : to.plusMillis(1), MAX_EVENTS)) {
            if (i.started() != null && within(i.started(), from, to)) {
                events.add(new Event(i.started(), i.resolved(), "incident", i.severity(), i.title(), null,
                        entity.key(), i.resolution() == null ? "" : "resolution: " + i.resolution()));
            }
        }
        for (Relationship r : store.relationshipsOf(entity.key())) {
            if (r.validFrom() != null && within(r.validFrom(), from, to)) {
                events.add(new Event(r.validFrom(), null, "topology", r.type(), r.fromKey() + " -" + r.type() + "-> " + r.toKey(),
                        null, entity.key(), "relationship appeared"));
            }
            if (r.validTo() != null && within(r.validTo(), from, to)) {
                events.add(new Event(r.validTo(), null, "topology", r.type(), r.fromKey() + " -" + r.type() + "-> " + r.toKey(),
                        null, entity.key(), "relationship ended"));
            }
        }
        events.sort(Comparator.comparing(Event::time));
        return events.size() > MAX_EVENTS ? events.subList(events.size() - MAX_EVENTS, events.size()) : events;
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
    }
}
