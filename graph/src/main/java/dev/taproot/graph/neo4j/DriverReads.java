package dev.taproot.graph.neo4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphCounts;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;

/** The subgraph reads over the driver (an external server, or Bolt), one transaction at a time. */
final class DriverReads {

    private DriverReads() {
    }

    /** Breadth-first over topology relationships valid at {@code asOf}; nearest entities first. */
    static List<String> expand(TransactionContext tx, Set<String> seeds, int hops, Long asOf, int max) {
        var seen = new LinkedHashSet<String>();
        List<String> frontier = tx.run("MATCH (n:Entity) WHERE n.key IN $keys RETURN n.key AS key",
                Map.of("keys", List.copyOf(seeds))).list(r -> r.get("key").asString());
        seen.addAll(frontier);
        for (int hop = 0; hop < hops && !frontier.isEmpty() && seen.size() < max; hop++) {
            var params = new HashMap<String, Object>();
            params.put("keys", frontier);
            params.put("types", RelationshipTypes.TOPOLOGY);
            params.put("asOf", asOf);
            List<String> next = tx.run(NeoCypher.EXPAND_ONE_HOP, params).list(r -> r.get("key").asString());
            frontier = new ArrayList<>();
            for (String k : next) {
                if (seen.size() >= max) {
                    break;
                }
                if (seen.add(k)) {
                    frontier.add(k);
                }
            }
        }
        return List.copyOf(seen);
    }

    static List<String> allEntityKeys(TransactionContext tx, int max) {
        return tx.run("MATCH (n:Entity) RETURN n.key AS key LIMIT $max", Map.of("max", max))
                .list(r -> r.get("key").asString());
    }

    static List<Entity> entitiesByKeys(TransactionContext tx, List<String> keys) {
        Map<String, Entity> byKey = new LinkedHashMap<>();
        keys.forEach(k -> byKey.put(k, null));
        tx.run("MATCH (n:Entity) WHERE n.key IN $keys RETURN n", Map.of("keys", keys))
                .forEachRemaining(r -> {
                    Entity e = Neo4jRecords.entity(r.get("n").asNode());
                    byKey.put(e.key(), e);
                });
        return byKey.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    static List<Relationship> relationshipsAmong(TransactionContext tx, List<String> keys, Long asOf) {
        var params = new HashMap<String, Object>();
        params.put("keys", keys);
        params.put("types", RelationshipTypes.TOPOLOGY);
        params.put("asOf", asOf);
        return tx.run(NeoCypher.RELATIONSHIPS_AMONG, params).list(Neo4jGraphStore::relationshipOf);
    }

    static List<Signal> signalsOn(TransactionContext tx, Collection<String> keys, Long from, Long to) {
        var params = new HashMap<String, Object>();
        params.put("keys", List.copyOf(keys));
        params.put("from", from);
        params.put("to", to);
        String cypher = keys.isEmpty() ? NeoCypher.SIGNALS_IN_WINDOW : NeoCypher.SIGNALS_ON_IN_WINDOW;
        return tx.run(cypher, params).list(r -> Neo4jRecords.signal(r.get("s").asNode()));
    }

    /** How many entities, topology relationships, signals and incidents there are, and entities per type. */
    static GraphCounts counts(TransactionContext tx) {
        long entities = tx.run("MATCH (n:Entity) RETURN count(n) AS c").single().get("c").asLong();
        long signals = tx.run("MATCH (n:Signal) RETURN count(n) AS c").single().get("c").asLong();
        long incidents = tx.run("MATCH (n:Incident) RETURN count(n) AS c").single().get("c").asLong();
        long rels = tx.run("MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS c",
                Map.of("types", RelationshipTypes.TOPOLOGY)).single().get("c").asLong();
        Map<String, Long> byType = new java.util.TreeMap<>();
        tx.run("MATCH (n:Entity) RETURN n.type AS type, count(*) AS c").forEachRemaining(
                r -> byType.put(r.get("type").asString(), r.get("c").asLong()));
        return new GraphCounts(entities, rels, signals, incidents, byType);
    }
}
