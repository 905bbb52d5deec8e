package dev.taproot.graph.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import dev.taproot.graph.neo4j.GraphStores;

/**
 * The contract suite against a real Neo4j server in a container (external mode). Skipped, not failed,
 * where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jServerGraphStoreIT extends GraphStoreContract {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08.1-community").withoutAuthentication();

    private static GraphStore external;

    @BeforeAll
    static void connect() {
        external = GraphStores.open(StoreConfig.external(NEO4J.getBoltUrl(), "neo4j", ""));
    }

    @AfterAll
    static void disconnect() {
        if (external != null) {
            external.close();
        }
    }

    @Override
    protected GraphStore store() {
        return external;
    }
}
