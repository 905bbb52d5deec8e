package dev.taproot.graph.neo4j;

import static dev.taproot.graph.neo4j.Neo4jRecords.millis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

import dev.taproot.graph.model.CausePrior;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.GraphCounts;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;
import dev.taproot.graph.store.GraphStore;

/**
 * {@link GraphStore} over the Neo4j Java driver: the same code serves the embedded DBMS (over Bolt on
 * loopback) and an external server or cluster. All Cypher is parameterised, so plans are cached.
 */
public final class Neo4jGraphStore implements GraphStore {

    private static final int WRITE_CHUNK = 5_000;

    private final Driver driver;
    private final String database;
    private final String uri;
    private final AutoCloseable owned;
    /** In-process subgraph reads when the DBMS is embedded (null over a network); rebuilt after a restart. */
    private volatile EmbeddedSubgraphReader embeddedReader;
    private final List<String> topologyTypes = RelationshipTypes.TOPOLOGY;
    /** Bulk incident writes through the Java API when the DBMS runs in this process, else null. */
    private volatile EmbeddedIncidentWriter incidentWriter;
    /** Restarts the embedded DBMS after a panic; null over a network. */
    private final StoreWatchdog watchdog;
    private final Neo4jFeedback feedback;

    private Neo4jGraphStore(Driver driver, String database, String uri, AutoCloseable owned) {
        this.driver = driver;
        this.database = database;
        this.uri = uri;
        this.owned = owned;
        this.feedback = new Neo4jFeedback(driver, database);
        if (owned instanceof EmbeddedNeo4j embedded) {
            attach(embedded);
            embedded.onRestart(() -> {
                EmbeddedIncidentWriter old = incidentWriter;
                attach(embedded);
                old.close();
            });
            this.watchdog = new StoreWatchdog(embedded);
        } else {
            this.watchdog = null;
        }
    }

    /**
     * Connects, checks the server answers, and creates constraints and indexes.
     *
     * @param owned closed with the store (the embedded DBMS), or null
     */
    public static Neo4jGraphStore connect(String uri, String user, String password, String database,
                                          AutoCloseable owned) {
        var auth = user == null ? AuthTokens.none() : AuthTokens.basic(user, password == null ? "" : password);
        Driver driver = GraphDatabase.driver(uri, auth, Config.builder()
                .withLogging(org.neo4j.driver.Logging.slf4j())
                .withMaxConnectionPoolSize(64)
                .withConnectionAcquisitionTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .build());
        try {
            driver.verifyConnectivity();
            Neo4jSchema.ensure(driver, database);
        } catch (ServiceUnavailableException e) {
            driver.close();
            throw new IllegalStateException("cannot reach Neo4j at " + uri + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        } catch (Neo4jException e) {
            driver.close();
            throw new IllegalStateException("Neo4j at " + uri + " refused the connection or schema: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        return new Neo4jGraphStore(driver, database, uri, owned);
    }

    private void attach(EmbeddedNeo4j embedded) {
        this.incidentWriter = new EmbeddedIncidentWriter(embedded.managementService().database(database));
        this.embeddedReader = new EmbeddedSubgraphReader(embedded.managementService(), database, topologyTypes);
    }

    @Override
    public boolean ready() {
        return watchdog == null || watchdog.ready();
    }

    /** The embedded DBMS this store runs, when it does. */
    public java.util.Optional<EmbeddedNeo4j> embedded() {
        return owned instanceof EmbeddedNeo4j e ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    /** The driver, for adapters that run their own read-only Cypher (the graph explorer). */
    public Driver driver() {
        return driver;
    }

    public String database() {
        return database;
    }

    private SessionConfig sessionConfig() {
        return SessionConfig.forDatabase(database);
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void write(GraphBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (incidentWriter != null && batch.size() == batch.incidents().size()) {
            incidentWriter.write(batch.incidents());
            return;
        }
        if (batch.size() > MAX_TRANSACTION_RECORDS) {
            write(batch, BatchTransactions.contentId(batch));
            return;
        }
        try (var session = driver.session(sessionConfig())) {
            session.executeWriteWithoutResult(tx -> {
                for (var chunk : chunks(batch.entities().stream().map(Neo4jRecords::entityRow).toList())) {
                    tx.run(NeoCypher.UPSERT_ENTITIES, Map.of("rows", chunk)).consume();
                }
                for (var chunk : chunks(batch.relationships().stream().map(Neo4jRecords::relationshipRow).toList())) {
                    tx.run(NeoCypher.UPSERT_RELATIONSHIPS, Map.of("rows", chunk)).consume();
                }
                for (var chunk : chunks(batch.signals().stream().map(Neo4jRecords::signalRow).toList())) {
                    tx.run(NeoCypher.UPSERT_SIGNALS, Map.of("rows", chunk)).consume();
                }
                for (var chunk : chunks(batch.incidents().stream().map(Neo4jRecords::incidentRow).toList())) {
                    tx.run(NeoCypher.UPSERT_INCIDENTS, Map.of("rows", chunk)).consume();
                }
            });
        }
    }

    @Override
    public void write(GraphBatch batch, String batchId) {
        if (batch.size() <= MAX_TRANSACTION_RECORDS) {
            write(batch);
            return;
        }
        new BatchTransactions(driver, database, MAX_TRANSACTION_RECORDS).write(batch, batchId);
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        var out = new ArrayList<List<T>>();
        for (int i = 0; i < rows.size(); i += WRITE_CHUNK) {
            out.add(rows.subList(i, Math.min(rows.size(), i + WRITE_CHUNK)));
        }
        return out;
    }

    @Override
    public void closeRelationships(Collection<String> identities, Instant at) {
        if (identities.isEmpty()) {
            return;
        }
        var rows = identities.stream().map(id -> {
            String[] parts = id.split("\\|", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a relationship identity (from|TYPE|to): " + id);
            }
            return Map.<String, Object>of("from", parts[0], "type", parts[1], "to", parts[2]);
        }).toList();
        try (var session = driver.session(sessionConfig())) {
            session.executeWriteWithoutResult(tx -> tx.run(NeoCypher.CLOSE_RELATIONSHIPS,
                    Map.of("rows", rows, "at", millis(at))).consume());
        }
    }

    @Override
    public void clear() {
        try (var session = driver.session(sessionConfig())) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Subgraph subgraph(SubgraphQuery query) {
        if (embeddedReader != null) {
            return embeddedReader.read(query, true);
        }
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> {
                Long asOf = millis(query.asOf());
                List<String> keys = query.seeds().isEmpty()
                        ? allEntityKeys(tx, query.maxEntities())
                        : expand(tx, query.seeds(), query.hops(), asOf, query.maxEntities());
                List<Entity> entities = entitiesByKeys(tx, keys);
                List<Relationship> rels = relationshipsAmong(tx, keys, asOf);
                List<Signal> signals = signalsOn(tx, keys, millis(query.windowStart()), millis(query.windowEnd()));
                return new Subgraph(entities, rels, signals);
            });
        }
    }

    @Override
    public Subgraph neighbourhood(String key, int depth, Instant asOf) {
        var query = new SubgraphQuery(Set.of(key), depth, asOf, null, null, SubgraphQuery.DEFAULT_MAX_ENTITIES);
        if (embeddedReader != null) {
            return embeddedReader.read(query, false);
        }
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> {
                List<String> keys = expand(tx, query.seeds(), depth, millis(asOf), query.maxEntities());
                return new Subgraph(entitiesByKeys(tx, keys), relationshipsAmong(tx, keys, millis(asOf)), List.of());
            });
        }
    }

    /** Breadth-first over topology relationships valid at {@code asOf}; nearest entities first. */
    private List<String> expand(TransactionContext tx, Set<String> seeds, int hops, Long asOf, int max) {
        var seen = new LinkedHashSet<String>();
        List<String> frontier = tx.run("MATCH (n:Entity) WHERE n.key IN $keys RETURN n.key AS key",
                Map.of("keys", List.copyOf(seeds))).list(r -> r.get("key").asString());
        seen.addAll(frontier);
        for (int hop = 0; hop < hops && !frontier.isEmpty() && seen.size() < max; hop++) {
            var params = new HashMap<String, Object>();
            params.put("keys", frontier);
            params.put("types", topologyTypes);
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

    private List<String> allEntityKeys(TransactionContext tx, int max) {
        return tx.run("MATCH (n:Entity) RETURN n.key AS key LIMIT $max", Map.of("max", max))
                .list(r -> r.get("key").asString());
    }

    private List<Entity> entitiesByKeys(TransactionContext tx, List<String> keys) {
        Map<String, Entity> byKey = new LinkedHashMap<>();
        keys.forEach(k -> byKey.put(k, null));
        tx.run("MATCH (n:Entity) WHERE n.key IN $keys RETURN n", Map.of("keys", keys))
                .forEachRemaining(r -> {
                    Entity e = Neo4jRecords.entity(r.get("n").asNode());
                    byKey.put(e.key(), e);
                });
        return byKey.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    private List<Relationship> relationshipsAmong(TransactionContext tx, List<String> keys, Long asOf) {
        var params = new HashMap<String, Object>();
        params.put("keys", keys);
        params.put("types", topologyTypes);
        params.put("asOf", asOf);
        return tx.run(NeoCypher.RELATIONSHIPS_AMONG, params).list(Neo4jGraphStore::relationshipOf);
    }

    static Relationship relationshipOf(Record r) {
        return Neo4jRecords.relationship(r.get("from").asString(), r.get("to").asString(), r.get("r").asRelationship());
    }

    private List<Signal> signalsOn(TransactionContext tx, Collection<String> keys, Long from, Long to) {
        var params = new HashMap<String, Object>();
        params.put("keys", List.copyOf(keys));
        params.put("from", from);
        params.put("to", to);
        String cypher = keys.isEmpty() ? NeoCypher.SIGNALS_IN_WINDOW : NeoCypher.SIGNALS_ON_IN_WINDOW;
        return tx.run(cypher, params).list(r -> Neo4jRecords.signal(r.get("s").asNode()));
    }

    @Override
    public Optional<Entity> entity(String key) {
        return readOne("MATCH (n:Entity {key: $key}) RETURN n AS n", Map.of("key", key))
                .map(r -> Neo4jRecords.entity(r.get("n").asNode()));
    }

    @Override
    public List<Entity> findEntities(String nameOrAlias) {
        String lower = nameOrAlias.trim().toLowerCase(Locale.ROOT);
        return readList("""
                MATCH (n:Entity) WHERE n.key = $raw OR n._nameLower = $q
                RETURN n
                UNION
                MATCH (n:Entity) WHERE $q IN n._aliasesLower
                RETURN n
                """, Map.of("raw", nameOrAlias.trim(), "q", lower), r -> Neo4jRecords.entity(r.get("n").asNode()));
    }

    @Override
    public List<Entity> entities(String type, int limit) {
        var params = new HashMap<String, Object>();
        params.put("type", type);
        params.put("limit", limit);
        return readList("MATCH (n:Entity) WHERE $type IS NULL OR n.type = $type RETURN n ORDER BY n.key LIMIT $limit",
                params, r -> Neo4jRecords.entity(r.get("n").asNode()));
    }

    @Override
    public List<Relationship> relationships(Collection<String> types, int limit) {
        var params = new HashMap<String, Object>();
        params.put("types", types.isEmpty() ? topologyTypes : List.copyOf(types));
        params.put("limit", limit);
        return readList("""
                MATCH (a:Entity)-[r]->(b:Entity)
                WHERE type(r) IN $types AND r.validTo IS NULL
                RETURN a.key AS from, b.key AS to, r LIMIT $limit
                """, params, Neo4jGraphStore::relationshipOf);
    }

    @Override
    public void stream(dev.taproot.graph.store.GraphVisitor visitor) {
        new Neo4jGraphStream(driver, sessionConfig(), topologyTypes).stream(visitor);
    }

    @Override
    public List<Relationship> relationshipsOf(String key) {
        return readList("""
                MATCH (a:Entity)-[r]->(b:Entity) WHERE (a.key = $key OR b.key = $key) AND type(r) IN $types
                RETURN a.key AS from, b.key AS to, r ORDER BY coalesce(r.validFrom, 0)
                """, Map.of("key", key, "types", topologyTypes), Neo4jGraphStore::relationshipOf);
    }

    @Override
    public List<Signal> signals(Collection<String> entityKeys, Instant from, Instant to) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> signalsOn(tx, entityKeys, millis(from), millis(to)));
        }
    }

    @Override
    public Optional<Incident> incident(String id) {
        return readOne("MATCH (i:Incident {id: $id}) RETURN i", Map.of("id", id))
                .map(r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    @Override
    public List<Incident> incidents(int limit) {
        // newest first through the started index (no scan of the whole history); undated ones after them
        var out = new ArrayList<>(readList("""
                MATCH (i:Incident) WHERE i.started IS NOT NULL
                RETURN i ORDER BY i.started DESC LIMIT $limit
                """, Map.of("limit", limit), r -> Neo4jRecords.incident(r.get("i").asNode())));
        if (out.size() < limit) {
            out.addAll(readList("MATCH (i:Incident) WHERE i.started IS NULL RETURN i ORDER BY i.id LIMIT $limit",
                    Map.of("limit", limit - out.size()), r -> Neo4jRecords.incident(r.get("i").asNode())));
        }
        return out;
    }

    @Override
    public List<Incident> incidentsOf(String entityKey, Instant from, Instant to, int limit) {
        var params = new HashMap<String, Object>();
        params.put("key", entityKey);
        params.put("from", from == null ? null : from.toEpochMilli());
        params.put("to", to == null ? null : to.toEpochMilli());
        params.put("limit", limit);
        return readList("""
                MATCH (i:Incident)-[:AFFECTED|ROOT_CAUSE]->(e:Entity {key: $key})
                WHERE ($from IS NULL OR i.started >= $from) AND ($to IS NULL OR i.started < $to)
                WITH DISTINCT i
                RETURN i ORDER BY coalesce(i.started, 0) DESC, i.id LIMIT $limit
                """, params, r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    @Override
    public Map<String, Long> rootCauseCounts(Collection<String> entityKeys) {
        if (entityKeys.isEmpty()) {
            return Map.of();
        }
        var out = new HashMap<String, Long>();
        readList("""
                UNWIND $keys AS key
                MATCH (e:Entity {key: key})
                WITH key, COUNT { (e)<-[:ROOT_CAUSE]-() } AS n
                WHERE n > 0
                RETURN key, n
                """, Map.of("keys", List.copyOf(new LinkedHashSet<>(entityKeys))),
                r -> out.put(r.get("key").asString(), r.get("n").asLong()));
        return out;
    }

    @Override
    public List<Incident> incidentsById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return readList("UNWIND $ids AS id MATCH (i:Incident {id: id}) RETURN i",
                Map.of("ids", List.copyOf(ids)), r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    @Override
    public List<Incident> incidentsAfter(String afterId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", afterId == null ? "" : afterId);
        params.put("limit", limit);
        return readList("MATCH (i:Incident) WHERE i.id > $after RETURN i ORDER BY i.id LIMIT $limit",
                params, r -> Neo4jRecords.incident(r.get("i").asNode()));
    }

    @Override
    public long incidentCount() {
        return readOne("MATCH (i:Incident) RETURN count(i) AS c", Map.of()).map(r -> r.get("c").asLong()).orElse(0L);
    }

    @Override
    public void addFeedback(Feedback f) {
        feedback.add(f);
    }

    @Override
    public List<Feedback> feedbackAbout(String incidentId) {
        return feedback.about(incidentId);
    }

    @Override
    public Map<String, Integer> incidentHelpfulness() {
        return feedback.helpfulness();
    }

    @Override
    public List<CausePrior> causePriors(Collection<String> entityKeys) {
        return feedback.priors(entityKeys);
    }

    @Override
    public GraphCounts counts() {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> {
                long entities = tx.run("MATCH (n:Entity) RETURN count(n) AS c").single().get("c").asLong();
                long signals = tx.run("MATCH (n:Signal) RETURN count(n) AS c").single().get("c").asLong();
                long incidents = tx.run("MATCH (n:Incident) RETURN count(n) AS c").single().get("c").asLong();
                long rels = tx.run("MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS c",
                        Map.of("types", topologyTypes)).single().get("c").asLong();
                Map<String, Long> byType = new java.util.TreeMap<>();
                tx.run("MATCH (n:Entity) RETURN n.type AS type, count(*) AS c").forEachRemaining(
                        r -> byType.put(r.get("type").asString(), r.get("c").asLong()));
                return new GraphCounts(entities, rels, signals, incidents, byType);
            });
        }
    }

    private Optional<Record> readOne(String cypher, Map<String, Object> params) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> {
                var result = tx.run(cypher, params);
                return result.hasNext() ? Optional.of(result.next()) : Optional.<Record>empty();
            });
        }
    }

    private <T> List<T> readList(String cypher, Map<String, Object> params, java.util.function.Function<Record, T> map) {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> tx.run(cypher, params).list(map));
        }
    }

    /** The Bolt URI this store's driver talks to. */
    public String uri() {
        return uri;
    }

    @Override
    public String describe() {
        // the embedded DBMS's Bolt port is Taproot's own business: it is not advertised
        return owned instanceof EmbeddedNeo4j ? "embedded Neo4j" : uri;
    }

    @Override
    public void close() {
        try {
            if (watchdog != null) {
                watchdog.close();
            }
            if (incidentWriter != null) {
                incidentWriter.close();
            }
            driver.close();
        } finally {
            if (owned != null) {
                try {
                    owned.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the embedded DBMS failed: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
                }
            }
        }
    }
}
