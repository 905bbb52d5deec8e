package dev.taproot.graph.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one ingest request writes. A store writes a batch in one transaction, so a request is
 * stored whole or not at all.
 */
public record GraphBatch(List<Entity> entities, List<Relationship> relationships, List<Signal> signals,
                         List<Incident> incidents) {

    public GraphBatch {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
        signals = List.copyOf(signals);
        incidents = List.copyOf(incidents);
    }

    public static GraphBatch empty() {
        return new GraphBatch(List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return entities.isEmpty() && relationships.isEmpty() && signals.isEmpty() && incidents.isEmpty();
    }

    public int size() {
        return entities.size() + relationships.size() + signals.size() + incidents.size();
    }

    /** A mutable collector for building a batch record by record. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects records, then freezes them into a {@link GraphBatch}. */
    public static final class Builder {
        private final List<Entity> entities = new ArrayList<>();
        private final List<Relationship> relationships = new ArrayList<>();
        private final List<Signal> signals = new ArrayList<>();
        private final List<Incident> incidents = new ArrayList<>();

        public Builder entity(Entity e) {
            entities.add(e);
            return this;
        }

        public Builder relationship(Relationship r) {
            relationships.add(r);
            return this;
        }

        public Builder signal(Signal s) {
            signals.add(s);
            return this;
        }

        public Builder incident(Incident i) {
            incidents.add(i);
            return this;
        }

        public Builder addAll(GraphBatch other) {
            entities.addAll(other.entities);
            relationships.addAll(other.relationships);
            signals.addAll(other.signals);
            incidents.addAll(other.incidents);
            return this;
        }

        public GraphBatch build() {
            return new GraphBatch(entities, relationships, signals, incidents);
        }
    }
}
