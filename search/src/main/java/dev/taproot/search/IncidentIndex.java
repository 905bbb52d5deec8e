package dev.taproot.search;

import java.util.Collection;
import java.util.Set;

import dev.taproot.graph.model.Incident;

/**
 * The searchable memory of past incidents: a derived copy of the graph's incidents, rebuilt from the
 * graph at will ({@code taproot reindex}). Writes are upserts by incident id and become visible (and
 * durable) at {@link #commit()}.
 */
public interface IncidentIndex extends AutoCloseable {

    /** Adds or replaces incidents by id. Not durable nor visible until {@link #commit()}. */
    void upsert(Collection<Incident> incidents);

    /** Removes incidents by id. */
    void delete(Collection<String> ids);

    /** Removes everything (before a rebuild). */
    void deleteAll();

    /** Makes every write so far durable and visible to searches. */
    void commit();

    /** Past incidents most like the query, best first, each with its resolution and why it matched. */
    java.util.List<SimilarHit> similar(SimilarQuery query);

    /** How many incidents the index holds (committed). */
    long count();

    /** Every indexed incident id (for reconciling the index with the graph). */
    Set<String> ids();

    @Override
    void close();
}
