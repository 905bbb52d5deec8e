package dev.taproot.graph.neo4j;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

import dev.taproot.graph.model.Feedback;

/**
 * Feedback in the graph: {@code (:Feedback)-[:ABOUT]->(:Incident)} and
 * {@code (:Feedback)-[:ON_CAUSE]->(:Entity)}, with who and when on the node. Scores and priors count
 * one vote per author and subject (the latest), so repeating a vote does not multiply it.
 */
final class Neo4jFeedback {

    static final String UPSERT = """
            MERGE (f:Feedback {id: $id})
            SET f.kind = $kind, f.incidentId = $incidentId, f.cause = $cause, f.faultType = $faultType,
                f.analysisId = $analysisId, f.by = $by, f.at = $at, f.comment = $comment
            WITH f
            CALL (f) { MATCH (f)-[old:ABOUT|ON_CAUSE]->() DELETE old }
            CALL (f) { MATCH (i:Incident {id: f.incidentId}) MERGE (f)-[:ABOUT]->(i) }
            CALL (f) {
              MATCH (e:Entity) WHERE f.cause IS NOT NULL AND (e.key = f.cause OR e._nameLower = toLower(f.cause))
              MERGE (f)-[:ON_CAUSE]->(e)
            }
            """;

    private final Driver driver;
    private final String database;

    Neo4jFeedback(Driver driver, String database) {
        this.driver = driver;
        this.database = database;
    }

    void add(Feedback f) {
        var p = new HashMap<String, Object>();
        p.put("id", f.id());
        p.put("kind", f.kind().name());
        p.put("incidentId", f.incidentId());
        p.put("cause", f.cause());
        p.put("faultType", f.faultType());
        p.put("analysisId", f.analysisId());
        p.put("by", f.by());
        p.put("at", f.at().toEpochMilli());
        p.put("comment", f.comment());
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            session.executeWriteWithoutResult(tx -> tx.run(UPSERT, p).consume());
        }
    }

    List<Feedback> about(String incidentId) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (f:Feedback) WHERE f.incidentId = $id
                    RETURN f ORDER BY f.at
                    """, Map.of("id", incidentId)).list(r -> {
                var n = r.get("f").asNode();
                return new Feedback(n.get("id").asString(), Feedback.Kind.valueOf(n.get("kind").asString()),
                        n.get("incidentId").asString(null), n.get("cause").asString(null),
                        n.get("faultType").asString(null), n.get("analysisId").asString(null), n.get("by").asString(),
                        Instant.ofEpochMilli(n.get("at").asLong()), n.get("comment").asString(null));
            }));
        }
    }
}
