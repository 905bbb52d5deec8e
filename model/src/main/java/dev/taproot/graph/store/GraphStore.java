package dev.taproot.graph.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.GraphCounts;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;

/**
 * The system of record: Taproot's graph of entities, relationships over time, signals and incidents.
 * Every write is an idempotent upsert by key; a {@link GraphBatch} is written in one transaction.
 */
public interface GraphStore extends AutoCloseable {

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

    /** Signals overlapping a window, on any entity when {@code entityKeys} is empty. */
    List<Signal> signals(Collection<String> entityKeys, Instant from, Instant to);

    /** One incident by id. */
    Optional<Incident> incident(String id);

    /** Incidents, most recent first, up to {@code limit}. */
    List<Incident> incidents(int limit);

    /** Incidents that affected or were caused by an entity, most recent first. */
    default List<Incident> incidentsOf(String entityKey) {
        return incidentsOf(entityKey, null, null, Integer.MAX_VALUE);
    }

    /**
     * Incidents that affected or were caused by an entity and started in {@code [from, to)} (null: open),
     * most recent first, at most {@code limit}: an entity's history without reading all of it.
     */
    List<Incident> incidentsOf(String entityKey, Instant from, Instant to, int limit);

    /**
     * How many incidents name each of these entities as their root cause (ROOT_CAUSE edges); entities
     * with none are left out. Read from the graph's degree counts, whatever the size of the history.
     */
    Map<String, Long> rootCauseCounts(Collection<String> entityKeys);

    /** The incidents with these ids that exist (any order); unknown ids are skipped. */
    List<Incident> incidentsById(Collection<String> ids);

    /**
     * A page of incidents in id order, starting after {@code afterId} (null: from the first), for
     * walking every incident in bounded memory (reindexing the search index).
     */
    List<Incident> incidentsAfter(String afterId, int limit);

    /** How many incidents the graph holds. */
    default long incidentCount() {
        return counts().incidents();
    }

    /**
     * Stores feedback (idempotent by its id), linked to the incident it is about and to the cause
     * entity it names (by key or name) when they exist.
     */
    void addFeedback(Feedback feedback);

    /** The feedback about one incident, oldest first. */
    List<Feedback> feedbackAbout(String incidentId);

    /** Net helpfulness per incident id (helped minus did not help, one vote per author: the latest), for incidents with such feedback. */
    Map<String, Integer> incidentHelpfulness();

    /**
     * Priors on the given entities as root causes, per fault type: confirmed and rejected feedback and
     * past incidents with them as ROOT_CAUSE.
     */
    List<CausePrior> causePriors(Collection<String> entityKeys);

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
     * A count that moves when a write to this store begins and again when it ends (batches, closed
     * relationships, clearing), so a caller that keeps a view of what it wrote can tell whether anyone else
     * wrote since: one write of its own moves it by exactly 2. -1 when the store does not count its writes;
     * then no such view may be trusted.
     */
    default long writeGeneration() {
        return -1;
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
