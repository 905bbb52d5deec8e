package dev.taproot.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.neo4j.Neo4jGraphStore;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.PartialWriteException;
import dev.taproot.graph.store.StoreConfig;

/**
 * Finding (high): one valid 30 MB ingest became one transaction of 1.2M commands, made Neo4j panic,
 * left every later request failing until a manual restart, and recovery then applied the write the
 * client had been told failed. A store of its own here, because the test makes it fail on purpose
 * through Neo4j's own extension points (a transaction listener that vetoes a commit, and the
 * database's panic switch).
 */
class LargeWritesAndPanicRecoveryTest {

    @TempDir
    static Path home;
    static GraphStore store;
    static EmbeddedNeo4j dbms;

    @BeforeAll
    static void open() {
        store = GraphStores.open(StoreConfig.embedded(home, 0, 32));
        dbms = (EmbeddedNeo4j) store.unwrap(Neo4jGraphStore.class).orElseThrow().embedded().orElseThrow();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static GraphBatch services(int n) {
        var entities = new ArrayList<Entity>();
        var calls = new ArrayList<Relationship>();
        for (int i = 0; i < n; i++) {
            entities.add(Entity.of("service/s" + i, EntityTypes.SERVICE, "s" + i));
            calls.add(Relationship.of("CALLS", "service/s" + i, "service/s" + ((i + 1) % n)));
        }
        return new GraphBatch(entities, calls, List.of(), List.of());
    }

    /** Vetoes the commit that would record transaction {@code failAt} of a batch. */
    static final class FailingCommit extends TransactionEventListenerAdapter<Object> {
        final int failAt;

        FailingCommit(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public Object beforeCommit(TransactionData data, Transaction tx, GraphDatabaseService db) {
            for (var p : data.assignedNodeProperties()) {
                if (p.key().equals("committed") && p.value() instanceof Number n && n.intValue() == failAt) {
                    throw new IllegalStateException("simulated failure at transaction " + failAt);
                }
            }
            return null;
        }
    }

    @Test
    void aLargeBatchIsWrittenInBoundedTransactionsAndAFailedOneResumesWithoutDuplicates() {
        store.clear();
        // 24,000 records: 12,000 services and 5,000 of their CALLS edges in the first transaction (at
        // most 20,000 records), the other 7,000 edges in the second
        GraphBatch batch = services(12_000);
        var veto = new FailingCommit(2);
        dbms.managementService().registerTransactionEventListener("neo4j", veto);
        PartialWriteException failed;
        try {
            try {
                store.write(batch, "b-1");
                throw new AssertionError("the veto did not fire");
            } catch (PartialWriteException e) {
                failed = e;
            }
        } finally {
            dbms.managementService().unregisterTransactionEventListener("neo4j", veto);
        }
        assertThat(failed.batchId()).isEqualTo("b-1");
        assertThat(failed.committed()).isEqualTo(1);
        assertThat(failed.transactions()).isEqualTo(2);
        assertThat(failed.getMessage()).contains("1 of 2 transactions stored").contains("resume");
        assertThat(store.counts().relationships()).isEqualTo(5_000);

        store.write(batch, "b-1");
        var counts = store.counts();
        assertThat(counts.entities()).isEqualTo(12_000);
        assertThat(counts.relationships()).isEqualTo(12_000);
        try (var s = store.unwrap(Neo4jGraphStore.class).orElseThrow().driver().session()) {
            assertThat(s.run("MATCH (b:IngestBatch) RETURN count(b) AS c").single().get("c").asInt()).isZero();
        }
    }

    @Test
    void aPanickedDatabaseIsRestartedWhileReadinessIsFalseAndKeepsWhatCommitted() throws Exception {
        store.write(new GraphBatch(List.of(Entity.of("service/before-panic", EntityTypes.SERVICE, "before-panic")),
                List.of(), List.of(), List.of()));
        assertThat(store.ready()).isTrue();
        var api = (GraphDatabaseAPI) dbms.managementService().database("neo4j");
        api.getDependencyResolver().resolveDependency(DatabaseHealth.class).panic(new IOException("simulated disk failure"));
        assertThat(store.ready()).isFalse();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!store.ready() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(store.ready()).as("the store came back").isTrue();
        store.write(new GraphBatch(List.of(Entity.of("service/after-panic", EntityTypes.SERVICE, "after-panic")),
                List.of(), List.of(), List.of()));
        assertThat(store.entity("service/before-panic")).isPresent();
        assertThat(store.entity("service/after-panic")).isPresent();
        assertThat(store.subgraph(new dev.taproot.graph.model.SubgraphQuery(java.util.Set.of("service/after-panic"), 1,
                null, null, null, 10)).entities()).isNotEmpty();
    }
}
