package dev.taproot.api.explorer;

import java.util.Optional;

import org.neo4j.driver.Driver;

import dev.taproot.graph.neo4j.Neo4jGraphStore;
import dev.taproot.graph.store.GraphStore;

/**
 * The Neo4j driver behind a store, for read-only Cypher. Only a Neo4j store (or a wrapper that
 * unwraps to one) has Cypher; any other store answers without it.
 */
public final class Neo4jAccess {

    private Neo4jAccess() {
    }

    /** The driver and database name, when the store is Neo4j. */
    public record Access(Driver driver, String database) {
    }

    public static Optional<Access> of(GraphStore store) {
        return store.unwrap(Neo4jGraphStore.class).map(neo -> new Access(neo.driver(), neo.database()));
    }
}
