package dev.taproot.graph.store;

import java.util.Optional;

import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.GraphCounts;

/**
 * The system of record: Taproot's graph of entities, relationships over time, signals and incidents.
 * Every write is an idempotent upsert by key; a {@link GraphBatch} is written in one transaction.
 *
 * <p>This is the adapter's side: a store implements every port plus the lifecycle below. Clients take the
 * narrowest port they use ({@link GraphWrites}, {@link TopologyReads}, {@link SignalReads},
 * {@link IncidentReads}, {@link FeedbackPort}, or {@link GraphReads} for all reads), so what a class can
 * do to the graph shows in its constructor.
 */
public interface GraphStore extends GraphWrites, GraphReads, FeedbackPort, AutoCloseable {

    @Override
    default long incidentCount() {
        return counts().incidents();
    }

    /** How much the graph holds. */
    GraphCounts counts();

    /** Deletes everything. For replaying labelled cases in a temporary store, never for user data. */
    void clear();

    /** Where the store lives, for messages: {@code embedded Neo4j} or the external URI (never a secret). */
    String describe();

    /**
     * Whether the store serves requests now: false while an embedded DBMS recovers from a panic
     * (what {@code /readyz} reports).
     */
    default boolean ready() {
        return true;
    }

    /**
     * This store as the given implementation type, for adapters that need the native client (the
     * explorer's read-only Cypher needs the Neo4j driver). Wrappers delegate.
     */
    default <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    void close();
}
