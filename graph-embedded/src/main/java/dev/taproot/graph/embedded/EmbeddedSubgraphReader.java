package dev.taproot.graph.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.neo4j.Neo4jRecords;

/**
 * The bounded subgraph read of {@link Neo4jGraphStore#subgraph} done in-process, for the embedded
 * DBMS: a breadth-first walk over the store's own relationship chains instead of several Cypher round
 * trips over Bolt (an analysis reads hundreds of entities; this is tens of times faster). It returns
 * exactly what the Cypher path returns, which the {@code GraphStore} contract suite checks for both.
 */
final class EmbeddedSubgraphReader {

    static final Label ENTITY = Label.label("Entity");
    private static final Label SIGNAL = Label.label("Signal");
    private static final RelationshipType ON = RelationshipType.withName(RelationshipTypes.ON);

    private final GraphDatabaseService db;
    private final RelationshipType[] topology;

    EmbeddedSubgraphReader(DatabaseManagementService dbms, String database, List<String> topologyTypes) {
        this.db = dbms.database(database);
        this.topology = topologyTypes.stream().map(RelationshipType::withName).toArray(RelationshipType[]::new);
    }

    Subgraph read(SubgraphQuery query, boolean withSignals) {
        return EmbeddedReadTransactions.read(db, tx -> read(tx, query, withSignals));
    }

    /** The keys of the entities {@link #read} would return, in the same order, without reading them. */
    List<String> keys(SubgraphQuery query) {
        Long asOf = Neo4jRecords.millis(query.asOf());
        return EmbeddedReadTransactions.read(db, tx -> List.copyOf((query.seeds().isEmpty()
                ? allEntities(tx, query.maxEntities()) : expand(tx, query, asOf)).keySet()));
    }

    private Subgraph read(Transaction tx, SubgraphQuery query, boolean withSignals) {
        Long asOf = Neo4jRecords.millis(query.asOf());
        Map<String, Node> nodes = query.seeds().isEmpty()
                ? allEntities(tx, query.maxEntities())
                : expand(tx, query, asOf);
        var entities = new ArrayList<Entity>(nodes.size());
        var relationships = new ArrayList<Relationship>();
        var signals = new ArrayList<Signal>();
        Long from = Neo4jRecords.millis(query.windowStart());
        Long to = Neo4jRecords.millis(query.windowEnd());
        for (var entry : nodes.entrySet()) {
            Node node = entry.getValue();
            entities.add(Neo4jRecords.entity(node.getAllProperties()));
            for (var r : node.getRelationships(Direction.OUTGOING, topology)) {
                Node end = r.getEndNode();
                Object endKey = end.getProperty("key", null);
                if (endKey != null && nodes.containsKey(endKey) && end.hasLabel(ENTITY) && valid(r, asOf)) {
                    relationships.add(Neo4jRecords.relationship(r.getType().name(), entry.getKey(),
                            (String) endKey, r.getAllProperties()));
                }
            }
            if (withSignals) {
                for (var on : node.getRelationships(Direction.INCOMING, ON)) {
                    Node s = on.getStartNode();
                    if (s.hasLabel(SIGNAL) && inWindow(s, from, to)) {
                        signals.add(Neo4jRecords.signal(s.getAllProperties()));
                    }
                }
            }
        }
        signals.sort(Comparator.comparing(Signal::start));
        return new Subgraph(entities, relationships, signals);
    }

    private Map<String, Node> allEntities(Transaction tx, int max) {
        var nodes = new LinkedHashMap<String, Node>();
        try (var all = tx.findNodes(ENTITY)) {
            while (all.hasNext() && nodes.size() < max) {
                Node n = all.next();
                nodes.put((String) n.getProperty("key"), n);
            }
        }
        return nodes;
    }

    /** Nearest entities first, following topology relationships valid at {@code asOf} both ways. */
    private Map<String, Node> expand(Transaction tx, SubgraphQuery query, Long asOf) {
        var seen = new LinkedHashMap<String, Node>();
        var frontier = new ArrayList<Node>();
        for (String key : query.seeds()) {
            Node n = tx.findNode(ENTITY, "key", key);
            if (n != null && seen.putIfAbsent(key, n) == null) {
                frontier.add(n);
            }
        }
        for (int hop = 0; hop < query.hops() && !frontier.isEmpty() && seen.size() < query.maxEntities(); hop++) {
            var next = new ArrayList<Node>();
            for (Node n : frontier) {
                for (var r : n.getRelationships(Direction.BOTH, topology)) {
                    if (seen.size() >= query.maxEntities()) {
                        break;
                    }
                    Node other = r.getOtherNode(n);
                    if (!valid(r, asOf) || !other.hasLabel(ENTITY)) {
                        continue;
                    }
                    String key = (String) other.getProperty("key");
                    if (seen.putIfAbsent(key, other) == null) {
                        next.add(other);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** The validity rule of the Cypher path: open relationships now, or those holding at {@code asOf}. */
    private static boolean valid(org.neo4j.graphdb.Relationship r, Long asOf) {
        Object validTo = r.getProperty("validTo", null);
        if (asOf == null) {
            return validTo == null;
        }
        Object validFrom = r.getProperty("validFrom", null);
        return (validFrom == null || ((Number) validFrom).longValue() <= asOf)
                && (validTo == null || ((Number) validTo).longValue() > asOf);
    }

    private static boolean inWindow(Node s, Long from, Long to) {
        Object start = s.getProperty("start", null);
        if (!(start instanceof Number startMs)) {
            return false;
        }
        Object end = s.getProperty("end", null);
        long last = end instanceof Number e ? e.longValue() : startMs.longValue();
        return (to == null || startMs.longValue() <= to) && (from == null || last >= from);
    }
}
