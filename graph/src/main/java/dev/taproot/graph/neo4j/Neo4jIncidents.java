package dev.taproot.graph.neo4j;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taproot.graph.model.Incident;

/** Reads of past incidents: by id, newest first, by entity, by root cause, in id order for paging. */
final class Neo4jIncidents {

    private final ReadQueries reads;

    Neo4jIncidents(ReadQueries reads) {
        this.reads = reads;
    }

    Optional<Incident> incident(String id) {
        return reads.one("MATCH (i:Incident {id: $id}) RETURN i", Map.of("id", id))
                .map(r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    List<Incident> newest(int limit) {
        // newest first through the started index (no scan of the whole history); undated ones after them
        var out = new ArrayList<>(reads.list("""
                MATCH (i:Incident) WHERE i.started IS NOT NULL
                RETURN i ORDER BY i.started DESC LIMIT $limit
                """, Map.of("limit", limit), r -> Neo4jRecords.incident(r.get("i").asNode())));
        if (out.size() < limit) {
            out.addAll(reads.list("MATCH (i:Incident) WHERE i.started IS NULL RETURN i ORDER BY i.id LIMIT $limit",
                    Map.of("limit", limit - out.size()), r -> Neo4jRecords.incident(r.get("i").asNode())));
        }
        return out;
    }

    List<Incident> of(String entityKey, Instant from, Instant to, int limit) {
        var params = new HashMap<String, Object>();
        params.put("key", entityKey);
        params.put("from", from == null ? null : from.toEpochMilli());
        params.put("to", to == null ? null : to.toEpochMilli());
        params.put("limit", limit);
        return reads.list("""
                MATCH (i:Incident)-[:AFFECTED|ROOT_CAUSE]->(e:Entity {key: $key})
                WHERE ($from IS NULL OR i.started >= $from) AND ($to IS NULL OR i.started < $to)
                WITH DISTINCT i
                RETURN i ORDER BY coalesce(i.started, 0) DESC, i.id LIMIT $limit
                """, params, r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    List<Incident> byId(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return reads.list("UNWIND $ids AS id MATCH (i:Incident {id: id}) RETURN i",
                Map.of("ids", List.copyOf(ids)), r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    List<Incident> after(String afterId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", afterId == null ? "" : afterId);
        params.put("limit", limit);
        return reads.list("MATCH (i:Incident) WHERE i.id > $after RETURN i ORDER BY i.id LIMIT $limit",
                params, r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    long count() {
        return reads.one("MATCH (i:Incident) RETURN count(i) AS c", Map.of()).map(r -> r.get("c").asLong()).orElse(0L);
    }
}
