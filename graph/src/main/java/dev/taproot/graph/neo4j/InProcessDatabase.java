package dev.taproot.graph.neo4j;

import java.util.Collection;
import java.util.List;

import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;

/**
 * One database of an {@link EmbeddedDbms}, read and written through the DBMS's Java API instead of
 * Bolt: an analysis's reads without a round trip each, and bulk incident writes. Answers equal the
 * driver path's (the {@code GraphStore} contract suite runs against both).
 */
public interface InProcessDatabase extends AnalysisReads, AutoCloseable {

    /** The subgraph a query selects; without signals when {@code withSignals} is false. */
    Subgraph subgraph(SubgraphQuery query, boolean withSignals);

    /** Only the keys of the entities the query selects. */
    List<String> subgraphKeys(SubgraphQuery query);

    /** Upserts incidents and links them to the entities they name. */
    void writeIncidents(Collection<Incident> incidents);

    /** Releases the writer's threads. */
    @Override
    void close();
}
