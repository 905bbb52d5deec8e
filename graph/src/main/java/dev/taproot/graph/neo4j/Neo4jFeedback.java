package dev.taproot.graph.neo4j;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

import dev.taproot.graph.model.CausePrior;
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

    Map<String, Integer> helpfulness() {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            var out = new LinkedHashMap<String, Integer>();
            session.executeRead(tx -> tx.run("""
                    MATCH (f:Feedback) WHERE f.kind IN ['HELPED', 'NOT_HELPED']
                    WITH f ORDER BY f.at DESC
                    WITH f.incidentId AS id, f.by AS by, head(collect(f.kind)) AS kind
                    RETURN id, sum(CASE kind WHEN 'HELPED' THEN 1 ELSE -1 END) AS net
                    """).list()).forEach(r -> out.put(r.get("id").asString(), r.get("net").asInt()));
            return out;
        }
    }

    List<CausePrior> priors(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return List.of();
        }
        record Key(String entity, String fault) {
        }
        var counts = new LinkedHashMap<Key, long[]>();
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (e:Entity) WHERE e.key IN $keys
                        MATCH (f:Feedback)-[:ON_CAUSE]->(e)
                        WHERE f.kind IN ['CAUSE_CONFIRMED', 'CAUSE_REJECTED']
                        WITH e, f ORDER BY f.at DESC
                        WITH e.key AS key, f.faultType AS fault, f.by AS by, head(collect(f.kind)) AS kind
                        RETURN key, fault,
                               sum(CASE kind WHEN 'CAUSE_CONFIRMED' THEN 1 ELSE 0 END) AS yes,
                               sum(CASE kind WHEN 'CAUSE_REJECTED' THEN 1 ELSE 0 END) AS no
                        """, Map.of("keys", List.copyOf(entityKeys))).forEachRemaining(r -> {
                    long[] c = counts.computeIfAbsent(new Key(r.get("key").asString(), r.get("fault").asString(null)),
                            k -> new long[3]);
                    c[0] += r.get("yes").asLong();
                    c[1] += r.get("no").asLong();
                });
                tx.run("""
                        MATCH (e:Entity) WHERE e.key IN $keys
                        MATCH (i:Incident)-[:ROOT_CAUSE]->(e)
                        RETURN e.key AS key, i.faultType AS fault, count(i) AS n
                        """, Map.of("keys", List.copyOf(entityKeys))).forEachRemaining(r -> {
                    long[] c = counts.computeIfAbsent(new Key(r.get("key").asString(), r.get("fault").asString(null)),
                            k -> new long[3]);
                    c[2] += r.get("n").asLong();
                });
                return null;
            });
        }
        var out = new ArrayList<CausePrior>();
        counts.forEach((k, c) -> out.add(new CausePrior(k.entity(), k.fault(), c[0], c[1], c[2])));
        return out;
    }
}
