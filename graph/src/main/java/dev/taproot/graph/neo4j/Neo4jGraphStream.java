package dev.taproot.graph.neo4j;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

import dev.taproot.graph.store.GraphVisitor;

/**
 * Reads the whole current graph record by record in one read transaction: the driver fetches results
 * in batches as the visitor consumes them, so memory holds one batch, not the graph.
 */
final class Neo4jGraphStream {

    private final Driver driver;
    private final SessionConfig session;
    private final List<String> topologyTypes;

    Neo4jGraphStream(Driver driver, SessionConfig session, List<String> topologyTypes) {
        this.driver = driver;
        this.session = session;
        this.topologyTypes = topologyTypes;
    }

    void stream(GraphVisitor visitor) {
        try (var s = driver.session(session)) {
            s.executeRead(tx -> {
                tx.run("MATCH (n:Entity) RETURN n").stream()
                        .forEach(r -> visitor.entity(Neo4jRecords.entity(r.get("n").asNode())));
                tx.run("""
                        MATCH (a:Entity)-[r]->(b:Entity)
                        WHERE type(r) IN $types AND r.validTo IS NULL
                        RETURN a.key AS from, b.key AS to, r
                        """, Map.of("types", topologyTypes)).stream()
                        .forEach(r -> visitor.relationship(Neo4jGraphStore.relationshipOf(r)));
                tx.run("MATCH (s:Signal) RETURN s").stream()
                        .forEach(r -> visitor.signal(Neo4jRecords.signal(r.get("s").asNode())));
                return null;
            });
        }
    }
}
