package dev.taproot.graph.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;

import dev.taproot.graph.model.Incident;
import dev.taproot.graph.neo4j.Neo4jRecords;

/**
 * Writes incidents into the embedded DBMS through Neo4j's Java API: the same nodes, properties and
 * AFFECTED / ROOT_CAUSE edges as the Cypher upsert, without Cypher planning or row materialisation per
 * record. A small batch is one transaction; a large one is two, split by incident id and written at
 * once. If a write fails, the part already committed stays (the upsert is idempotent: writing the
 * batch again completes it), and the caller does not acknowledge the batch.
 */
final class EmbeddedIncidentWriter {

    private static final Label INCIDENT = Label.label("Incident");
    private static final Label ENTITY = Label.label("Entity");
    private static final RelationshipType AFFECTED = RelationshipType.withName("AFFECTED");
    private static final RelationshipType ROOT_CAUSE = RelationshipType.withName("ROOT_CAUSE");

    /** Below this many incidents a batch is written in one transaction on the caller's thread. */
    static final int PARALLEL_MIN_BATCH = 1_000;
    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;
    private static final int MAX_ATTEMPTS = 5;

    private final GraphDatabaseService db;
    /** Writes the second half of large batches. */
    private final ExecutorService second = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "taproot-incident-graph-writer");
        t.setDaemon(true);
        return t;
    });

    EmbeddedIncidentWriter(GraphDatabaseService db) {
        this.db = db;
    }

    void close() {
        second.shutdown();
    }

    /**
     * Writes a batch; a large batch is split by incident id into two halves written concurrently, each in
     * its own transaction (an id always falls in the same half, so no two transactions race on one
     * incident). The call returns when both are committed.
     */
    void write(Collection<Incident> incidents) {
        if (!PARALLEL || incidents.size() < PARALLEL_MIN_BATCH) {
            writeRetrying(incidents);
            return;
        }
        var halves = List.of(new ArrayList<Incident>(), new ArrayList<Incident>());
        for (Incident i : incidents) {
            halves.get(i.id().hashCode() & 1).add(i);
        }
        Future<?> other = second.submit(() -> writeRetrying(halves.get(1)));
        try {
            writeRetrying(halves.get(0));
        } finally {
            await(other);
        }
    }

    private static void await(Future<?> other) {
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing incidents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Both halves link to the same entities: a deadlock between them is possible and is retried. */
    private void writeRetrying(Collection<Incident> incidents) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeOne(incidents);
                return;
            } catch (TransientFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void writeOne(Collection<Incident> incidents) {
        try (Transaction tx = db.beginTx()) {
            Map<String, List<Node>> entities = new HashMap<>();
            for (Incident i : incidents) {
                Node n = tx.findNode(INCIDENT, "id", i.id());
                boolean created = n == null;
                if (created) {
                    n = tx.createNode(INCIDENT);
                    n.setProperty("id", i.id());
                } else {
                    for (var r : n.getRelationships(Direction.OUTGOING, AFFECTED, ROOT_CAUSE)) {
                        r.delete();
                    }
                }
                for (var e : fields(i).entrySet()) {
                    if (e.getValue() != null) {
                        n.setProperty(e.getKey(), e.getValue());
                    } else if (!created) {
                        n.removeProperty(e.getKey());
                    }
                }
                for (var e : i.properties().entrySet()) {
                    n.setProperty(e.getKey(), value(e.getValue()));
                }
                var linked = new HashSet<Node>();
                for (String ref : i.affected()) {
                    link(n, entities.computeIfAbsent(ref, r -> resolve(tx, r)), AFFECTED, linked);
                }
                if (i.rootCause() != null) {
                    link(n, entities.computeIfAbsent(i.rootCause(), r -> resolve(tx, r)), ROOT_CAUSE, new HashSet<>());
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

    /** Links the incident to each target once per type ({@code linked}: the targets already linked by this type). */
    private static void link(Node incident, List<Node> targets, RelationshipType type, Set<Node> linked) {
        for (Node target : targets) {
            if (linked.add(target)) {
                incident.createRelationshipTo(target, type);
            }
        }
    }
}
