package dev.taproot.graph.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;

/**
 * The write side of the graph, for ingestors and whatever records what it learns: idempotent upserts by
 * key, a {@link GraphBatch} in one transaction, closing relationships a source no longer has.
 */
public interface GraphWrites {

    /**
     * Writes a batch in one transaction: entities first, then relationships, signals and incidents.
     * Relationships and signals whose entities are not in the graph get an {@code Unresolved}
     * placeholder entity, so nothing refers to a missing node.
     */
    void write(GraphBatch batch);

    /** Most records one write transaction holds; a larger batch takes several (see {@link #write(GraphBatch, String)}). */
    int MAX_TRANSACTION_RECORDS = 20_000;

    /**
     * Writes a batch of any size in transactions of at most {@link #MAX_TRANSACTION_RECORDS} records,
     * entities first, recording under {@code batchId} how many have committed. When one fails the
     * call throws {@link PartialWriteException} saying how many are stored; calling again with the
     * same batch and id resumes after them (every write is an upsert, so nothing is stored twice).
     * Small batches are one transaction, as {@link #write(GraphBatch)}.
     */
    default void write(GraphBatch batch, String batchId) {
        write(batch);
    }

    default void upsertEntities(Collection<Entity> entities) {
        write(new GraphBatch(List.copyOf(entities), List.of(), List.of(), List.of()));
    }

    default void upsertRelationships(Collection<Relationship> relationships) {
        write(new GraphBatch(List.of(), List.copyOf(relationships), List.of(), List.of()));
    }

    default void upsertSignals(Collection<Signal> signals) {
        write(new GraphBatch(List.of(), List.of(), List.copyOf(signals), List.of()));
    }

    default void upsertIncidents(Collection<Incident> incidents) {
        write(new GraphBatch(List.of(), List.of(), List.of(), List.copyOf(incidents)));
    }

    /**
     * Closes relationships: sets {@code validTo} on the currently open relationships with the given
     * identities ({@link Relationship#identity()}). Used when a re-ingested source no longer has an edge.
     */
    void closeRelationships(Collection<String> identities, Instant at);

    /**
     * A count that moves when a write to this store begins and again when it ends (batches, closed
     * relationships, clearing), so a caller that keeps a view of what it wrote can tell whether anyone else
     * wrote since: one write of its own moves it by exactly 2. -1 when the store does not count its writes;
     * then no such view may be trusted.
     */
    default long writeGeneration() {
        return -1;
    }
}
