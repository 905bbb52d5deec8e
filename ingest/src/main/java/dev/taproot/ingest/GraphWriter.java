package dev.taproot.ingest;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;

/**
 * Where an ingestor puts what it read. Nothing reaches the store until the caller commits the
 * collected batch, in one transaction.
 */
public final class GraphWriter {

    private final GraphBatch.Builder batch = GraphBatch.builder();

    public GraphWriter entity(Entity e) {
        batch.entity(e);
        return this;
    }

    public GraphWriter relationship(Relationship r) {
        batch.relationship(r);
        return this;
    }

    public GraphWriter signal(Signal s) {
        batch.signal(s);
        return this;
    }

    public GraphWriter incident(Incident i) {
        batch.incident(i);
        return this;
    }

    /** Everything collected so far. */
    public GraphBatch batch() {
        return batch.build();
    }
}
