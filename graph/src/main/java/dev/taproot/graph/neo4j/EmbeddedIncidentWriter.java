package dev.taproot.graph.neo4j;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

import dev.taproot.graph.model.Incident;

/**
 * Writes incidents into the embedded DBMS through Neo4j's Java API, in one transaction per batch: the
 * same nodes, properties and AFFECTED / ROOT_CAUSE edges as the Cypher upsert, about an order of
 * magnitude faster for bulk imports (no Cypher planning or row materialisation per record).
 */
final class EmbeddedIncidentWriter {

    private static final Label INCIDENT = Label.label("Incident");
    private static final Label ENTITY = Label.label("Entity");
    private static final RelationshipType AFFECTED = RelationshipType.withName("AFFECTED");
    private static final RelationshipType ROOT_CAUSE = RelationshipType.withName("ROOT_CAUSE");

    private final GraphDatabaseService db;

    EmbeddedIncidentWriter(GraphDatabaseService db) {
        this.db = db;
    }

    void write(Collection<Incident> incidents) {
        try (Transaction tx = db.beginTx()) {
            Map<String, List<Node>> entities = new HashMap<>();
            for (Incident i : incidents) {
                Node n = tx.findNode(INCIDENT, "id", i.id());
                if (n == null) {
                    n = tx.createNode(INCIDENT);
                    n.setProperty("id", i.id());
                } else {
                    for (var r : n.getRelationships(Direction.OUTGOING, AFFECTED, ROOT_CAUSE)) {
                        r.delete();
                    }
                }
                for (var e : fields(i).entrySet()) {
                    if (e.getValue() == null) {
                        n.removeProperty(e.getKey());
                    } else {
                        n.setProperty(e.getKey(), e.getValue());
                    }
                }
                for (var e : i.properties().entrySet()) {
                    n.setProperty(e.getKey(), value(e.getValue()));
                }
                for (String ref : i.affected()) {
                    link(n, entities.computeIfAbsent(ref, r -> resolve(tx, r)), AFFECTED);
                }
                if (i.rootCause() != null) {
                    link(n, entities.computeIfAbsent(i.rootCause(), r -> resolve(tx, r)), ROOT_CAUSE);
                }
            }
            tx.commit();
        }
    }

    private static Map<String, Object> fields(Incident i) {
        var m = new LinkedHashMap<String, Object>();
        m.put("title", i.title());
        m.put("description", i.description());
        m.put("started", Neo4jRecords.millis(i.started()));
        m.put("resolved", Neo4jRecords.millis(i.resolved()));
        m.put("severity", i.severity());
        m.put("affected", i.affected().toArray(String[]::new));
        m.put("rootCause", i.rootCause());
        m.put("faultType", i.faultType());
        m.put("resolution", i.resolution());
        m.put("links", i.links().toArray(String[]::new));
        m.put("resolvedBy", i.resolvedBy());
        m.put("tags", i.tags().toArray(String[]::new));
        m.put("source", i.source());
        return m;
    }

    private static Object value(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toArray(String[]::new);
        }
        return v;
    }

    /** Entities a reference names: by key, or by name ignoring case (as the Cypher upsert matches). */
    private static List<Node> resolve(Transaction tx, String ref) {
        var found = new LinkedHashMap<String, Node>();
        Node byKey = tx.findNode(ENTITY, "key", ref);
        if (byKey != null) {
            found.put(byKey.getElementId(), byKey);
        }
        try (ResourceIterator<Node> byName = tx.findNodes(ENTITY, "_nameLower", ref.toLowerCase(Locale.ROOT))) {
            byName.forEachRemaining(n -> found.put(n.getElementId(), n));
        }
        return List.copyOf(found.values());
    }

    private static void link(Node incident, List<Node> targets, RelationshipType type) {
        for (Node target : targets) {
            boolean exists = false;
            for (var r : incident.getRelationships(Direction.OUTGOING, type)) {
                if (r.getEndNode().getElementId().equals(target.getElementId())) {
                    exists = true;
                    break;
                }
            }
            if (!exists) {
                incident.createRelationshipTo(target, type);
            }
        }
    }
}
