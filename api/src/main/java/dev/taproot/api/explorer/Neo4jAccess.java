package dev.taproot.api.explorer;

import java.util.Optional;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import dev.taproot.graph.neo4j.Neo4jGraphStore;
import dev.taproot.graph.store.GraphStore;

/**
 * The Neo4j driver behind a store, for read-only Cypher. A {@link Neo4jGraphStore} lends its own
 * driver; a wrapped embedded store (tests share one) is reached over its loopback Bolt URI, where the
 * embedded DBMS runs without authentication by design. Any other store has no Cypher.
 */
public final class Neo4jAccess {

    private Neo4jAccess() {
    }

    /** The driver and database name, when the store is Neo4j. */
    public record Access(Driver driver, String database) {
    }

    public static Optional<Access> of(GraphStore store) {
        if (store instanceof Neo4jGraphStore neo) {
            return Optional.of(new Access(neo.driver(), neo.database()));
        }
        String describe = store.describe();
        if (describe != null && describe.startsWith("bolt://127.0.0.1:") && describe.endsWith("(embedded)")) {
            String uri = describe.substring(0, describe.indexOf(' '));
            return Optional.of(new Access(GraphDatabase.driver(uri, AuthTokens.none()), "neo4j"));
        }
        return Optional.empty();
    }
}
