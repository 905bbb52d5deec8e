package dev.taproot.graph.neo4j;

import static dev.taproot.graph.neo4j.Neo4jRecords.millis;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
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
    /** The DBMS in this process, closed with the store; null over a network. */
    private final EmbeddedDbms embedded;
    /** In-process subgraph reads and bulk incident writes when embedded (null over a network); rebuilt after a restart. */
    private volatile InProcessDatabase inProcess;
    private final Neo4jFeedback feedback;
    private final Neo4jIncidents incidents;
    private final ReadQueries reads;
    /** Entity, signal, prior and count reads: in-process when embedded (rebuilt after a restart), else over the driver. */
    private volatile AnalysisReads analysisReads;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    private Neo4jGraphStore(Driver driver, String database, String uri, EmbeddedDbms embedded) {
        this.driver = driver;
        this.database = database;
        this.uri = uri;
        this.embedded = embedded;
        this.feedback = new Neo4jFeedback(driver, database);
        this.reads = new ReadQueries(driver, database);
        this.incidents = new Neo4jIncidents(reads);
        this.analysisReads = new DriverAnalysisReads(driver, database);
        if (embedded != null) {
            attach(embedded);
            embedded.onRestart(() -> {
                InProcessDatabase old = inProcess;
                attach(embedded);
                old.close();
            });
        }
    }

    /**
     * Connects, checks the server answers, and creates constraints and indexes.
     *
     * @param embedded the DBMS in this process that {@code uri} reaches, closed with the store; null for a server
     */
    public static Neo4jGraphStore connect(String uri, String user, String password, String database,
                                          EmbeddedDbms embedded) {
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
        return new Neo4jGraphStore(driver, database, uri, embedded);
    }

    private void attach(EmbeddedDbms dbms) {
        InProcessDatabase opened = dbms.open(database);
        this.inProcess = opened;
        this.analysisReads = opened;
    }

    @Override
    public boolean ready() {
        return embedded == null || embedded.ready();
    }

    /** The embedded DBMS this store runs, when it does. */
    public Optional<EmbeddedDbms> embedded() {
        return Optional.ofNullable(embedded);
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

    @Override
    public long writeGeneration() {
        return writes.get();
    }

    /** Runs one write between two moves of the {@link #writeGeneration() write count}. */
    private void counted(Runnable write) {
        writes.incrementAndGet();
        try {
            write.run();
        } finally {
            writes.incrementAndGet();
        }
    }

    @Override
    public void write(GraphBatch batch) {
        if (!batch.isEmpty()) {
            counted(() -> writeNow(batch));
        }
    }

    private void writeNow(GraphBatch batch) {
        if (inProcess != null && batch.size() == batch.incidents().size()) {
            inProcess.writeIncidents(batch.incidents());
            return;
        }
        if (batch.size() > MAX_TRANSACTION_RECORDS) {
            new BatchTransactions(driver, database, MAX_TRANSACTION_RECORDS).write(batch, BatchTransactions.contentId(batch));
            return;
        }
        try (var session = driver.session(sessionConfig())) {
            session.executeWriteWithoutResult(tx -> {
                for (var chunk : Neo4jRecords.chunks(WRITE_CHUNK, batch.entities().stream().map(Neo4jRecords::entityRow).toList())) {
                    tx.run(NeoCypher.UPSERT_ENTITIES, Map.of("rows", chunk)).consume();
                }
                for (var chunk : Neo4jRecords.chunks(WRITE_CHUNK, batch.relationships().stream().map(Neo4jRecords::relationshipRow).toList())) {
                    tx.run(NeoCypher.UPSERT_RELATIONSHIPS, Map.of("rows", chunk)).consume();
                }
                for (var chunk : Neo4jRecords.chunks(WRITE_CHUNK, batch.signals().stream().map(Neo4jRecords::signalRow).toList())) {
                    tx.run(NeoCypher.UPSERT_SIGNALS, Map.of("rows", chunk)).consume();
                }
                for (var chunk : Neo4jRecords.chunks(WRITE_CHUNK, batch.incidents().stream().map(Neo4jRecords::incidentRow).toList())) {
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
        counted(() -> new BatchTransactions(driver, database, MAX_TRANSACTION_RECORDS).write(batch, batchId));
    }

    @Override
    public void closeRelationships(Collection<String> identities, Instant at) {
        if (identities.isEmpty()) {
            return;
        }
        var rows = identities.stream().map(Neo4jRecords::identityRow).toList();
        counted(() -> {
            try (var session = driver.session(sessionConfig())) {
                session.executeWriteWithoutResult(tx -> tx.run(NeoCypher.CLOSE_RELATIONSHIPS,
                        Map.of("rows", rows, "at", millis(at))).consume());
            }
        });
    }

    @Override
    public void clear() {
        counted(() -> {
            try (var session = driver.session(sessionConfig())) {
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
            }
        });
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Subgraph subgraph(SubgraphQuery query) {
        if (inProcess != null) {
            return inProcess.subgraph(query, true);
        }
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> {
                Long asOf = millis(query.asOf());
                List<String> keys = query.seeds().isEmpty()
                        ? DriverReads.allEntityKeys(tx, query.maxEntities())
                        : DriverReads.expand(tx, query.seeds(), query.hops(), asOf, query.maxEntities());
                List<Entity> entities = DriverReads.entitiesByKeys(tx, keys);
                List<Relationship> rels = DriverReads.relationshipsAmong(tx, keys, asOf);
                List<Signal> signals = DriverReads.signalsOn(tx, keys, millis(query.windowStart()), millis(query.windowEnd()));
                return new Subgraph(entities, rels, signals);
            });
        }
    }

    @Override
    public Subgraph neighbourhood(String key, int depth, Instant asOf) {
        var query = new SubgraphQuery(Set.of(key), depth, asOf, null, null, SubgraphQuery.DEFAULT_MAX_ENTITIES);
        if (inProcess != null) {
            return inProcess.subgraph(query, false);
        }
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> {
                List<String> keys = DriverReads.expand(tx, query.seeds(), depth, millis(asOf), query.maxEntities());
                return new Subgraph(DriverReads.entitiesByKeys(tx, keys), DriverReads.relationshipsAmong(tx, keys, millis(asOf)), List.of());
            });
        }
    }

    @Override
    public List<String> neighbourhoodKeys(String key, int depth, Instant asOf) {
        var query = new SubgraphQuery(Set.of(key), depth, asOf, null, null, SubgraphQuery.DEFAULT_MAX_ENTITIES);
        if (inProcess != null) {
            return inProcess.subgraphKeys(query);
        }
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> DriverReads.expand(tx, query.seeds(), depth, millis(asOf), query.maxEntities()));
        }
    }

    static Relationship relationshipOf(Record r) {
        return Neo4jRecords.relationship(r.get("from").asString(), r.get("to").asString(), r.get("r").asRelationship());
    }

    @Override
    public Optional<Entity> entity(String key) {
        return analysisReads.entity(key);
    }

    @Override
    public List<Entity> findEntities(String nameOrAlias) {
        return analysisReads.findEntities(nameOrAlias);
    }

    @Override
    public List<Entity> entities(String type, int limit) {
        return analysisReads.entities(type, limit);
    }

    @Override
    public List<Relationship> relationships(Collection<String> types, int limit) {
        var params = new HashMap<String, Object>();
        params.put("types", types.isEmpty() ? RelationshipTypes.TOPOLOGY : List.copyOf(types));
        params.put("limit", limit);
        return reads.list(NeoCypher.OPEN_RELATIONSHIPS, params, Neo4jGraphStore::relationshipOf);
    }

    @Override
    public void stream(dev.taproot.graph.store.GraphVisitor visitor) {
        new Neo4jGraphStream(driver, sessionConfig(), RelationshipTypes.TOPOLOGY).stream(visitor);
    }

    @Override
    public List<Relationship> relationshipsOf(String key) {
        return reads.list(NeoCypher.RELATIONSHIPS_OF, Map.of("key", key, "types", RelationshipTypes.TOPOLOGY), Neo4jGraphStore::relationshipOf);
    }

    @Override
    public List<Signal> signals(Collection<String> entityKeys, Instant from, Instant to) {
        return analysisReads.signals(entityKeys, millis(from), millis(to));
    }

    @Override
    public Optional<Incident> incident(String id) {
        return incidents.incident(id);
    }

    @Override
    public List<Incident> incidents(int limit) {
        return incidents.newest(limit);
    }

    @Override
    public List<Incident> incidentsOf(String entityKey, Instant from, Instant to, int limit) {
        return incidents.of(entityKey, from, to, limit);
    }

    @Override
    public Map<String, Long> rootCauseCounts(Collection<String> entityKeys) {
        return analysisReads.rootCauseCounts(entityKeys);
    }

    @Override
    public List<Incident> incidentsById(Collection<String> ids) {
        return incidents.byId(ids);
    }

    @Override
    public List<Incident> incidentsAfter(String afterId, int limit) {
        return incidents.after(afterId, limit);
    }

    @Override
    public long incidentCount() {
        return incidents.count();
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
        return analysisReads.incidentHelpfulness();
    }

    @Override
    public List<CausePrior> causePriors(Collection<String> entityKeys) {
        return analysisReads.causePriors(entityKeys);
    }

    @Override
    public GraphCounts counts() {
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(DriverReads::counts);
        }
    }

    /** The Bolt URI this store's driver talks to. */
    public String uri() {
        return uri;
    }

    @Override
    public String describe() {
        // the embedded DBMS's Bolt port is Taproot's own business: it is not advertised
        return embedded != null ? "embedded Neo4j" : uri;
    }

    @Override
    public void close() {
        try {
            if (inProcess != null) {
                inProcess.close();
            }
            driver.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
