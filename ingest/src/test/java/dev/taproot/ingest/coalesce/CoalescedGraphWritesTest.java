package dev.taproot.ingest.coalesce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;

class CoalescedGraphWritesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** Long enough that the timer never fires during a test: figures wait for an explicit flush. */
    private static final Duration NEVER = Duration.ofHours(1);

    private GraphStore store;
    private CoalescedGraphWrites writes;

    @BeforeEach
    void start() {
        store = TestStores.embedded();
        store.clear();
        writes = new CoalescedGraphWrites(store, NEVER);
    }

    @AfterEach
    void stop() {
        writes.close();
    }

    private static String svc(String name) {
        return EntityKeys.service(name);
    }

    /** A push's records: both services, and the CALLS edge with its figures. */
    private static GraphBatch push(String from, String to, Instant first, int requests) {
        return new GraphBatch(List.of(Entity.of(svc(from), "Service", from), Entity.of(svc(to), "Service", to)),
                List.of(new Relationship("CALLS", svc(from), svc(to), Map.of("requests", requests, "source", "traces"), first, null)),
                List.of(), List.of());
    }

    private Relationship calls(String from, String to) {
        return store.relationshipsOf(svc(from)).stream()
                .filter(r -> r.type().equals("CALLS") && r.toKey().equals(svc(to))).findFirst().orElseThrow();
    }

    @Test
    void aNewEdgeIsStoredBeforeThePushIsAnswered() {
        writes.write(push("frontend", "cart", T0, 10));

        assertThat(calls("frontend", "cart").properties()).containsEntry("requests", 10L);
        assertThat(calls("frontend", "cart").validFrom()).isEqualTo(T0);
        assertThat(store.counts().entities()).isEqualTo(2);
    }

    @Test
    void aPushRepeatingStoredTopologyWritesNothing() {
        writes.write(push("frontend", "cart", T0, 10));
        long generation = store.writeGeneration();

        writes.write(push("frontend", "cart", T0, 10));
        writes.write(push("frontend", "cart", T0.plusSeconds(5), 10));
        writes.flush();

        assertThat(store.writeGeneration()).isEqualTo(generation);
        assertThat(writes.waiting()).isZero();
    }

    @Test
    void figuresOfAStoredEdgeWaitForTheFlushAndTheLastPushWins() {
        writes.write(push("frontend", "cart", T0, 10));
        writes.write(push("frontend", "cart", T0.plusSeconds(5), 20));
        writes.write(push("frontend", "cart", T0.plusSeconds(10), 30));

        assertThat(calls("frontend", "cart").properties()).containsEntry("requests", 10L);
        writes.flush();
        assertThat(calls("frontend", "cart").properties()).containsEntry("requests", 30L);
        assertThat(calls("frontend", "cart").validFrom()).isEqualTo(T0);
        assertThat(store.relationships(List.of("CALLS"), 100)).hasSize(1);
    }

    @Test
    void anEarlierStartOfAStoredEdgeIsStoredAtOnce() {
        writes.write(push("frontend", "cart", T0, 10));
        writes.write(push("frontend", "cart", T0.minusSeconds(60), 10));

        assertThat(calls("frontend", "cart").validFrom()).isEqualTo(T0.minusSeconds(60));
    }

    @Test
    void signalsAreStoredBeforeThePushIsAnswered() {
        writes.write(push("frontend", "cart", T0, 10));
        var signal = new Signal("lat:cart@1", "LatencyAnomaly", svc("cart"), "latency", Severity.WARNING, T0, T0,
                Map.of("score", 7.5), "traces");
        writes.write(new GraphBatch(List.of(), List.of(), List.of(signal), List.of()));

        assertThat(store.signals(List.of(svc("cart")), null, null)).extracting(Signal::key).containsExactly("lat:cart@1");
    }

    @Test
    void afterSomeoneElseWritesTheStoreThePushWritesItsRecordsAgain() {
        writes.write(push("frontend", "cart", T0, 10));
        store.closeRelationships(List.of(svc("frontend") + "|CALLS|" + svc("cart")), T0.plusSeconds(30));

        writes.write(push("frontend", "cart", T0.plusSeconds(60), 10));

        assertThat(calls("frontend", "cart").validTo()).as("the closed edge is not reopened").isNotNull();
        assertThat(store.relationshipsOf(svc("frontend"))).filteredOn(r -> r.validTo() == null).singleElement()
                .satisfies(r -> assertThat(r.validFrom()).isEqualTo(T0.plusSeconds(60)));

        store.clear();
        writes.write(push("frontend", "cart", T0, 10));
        assertThat(store.relationships(List.of("CALLS"), 100)).hasSize(1);
    }

    @Test
    void closingWritesWhatWaitsAndANewBufferOverTheSameStoreKeepsOneEdge() {
        writes.write(push("frontend", "cart", T0, 10));
        writes.write(push("frontend", "cart", T0.plusSeconds(5), 40));
        writes.close();
        assertThat(calls("frontend", "cart").properties()).containsEntry("requests", 40L);

        writes = new CoalescedGraphWrites(store, NEVER);
        writes.write(push("frontend", "cart", T0.plusSeconds(10), 40));
        writes.write(push("checkout", "cart", T0.plusSeconds(10), 5));

        assertThat(store.relationships(List.of("CALLS"), 100)).hasSize(2);
        assertThat(calls("frontend", "cart").validFrom()).isEqualTo(T0);
    }

    @Test
    void lookupsSeeEntitiesOthersWriteAfterTheyWereCached() {
        var lookups = writes.lookups();
        assertThat(lookups.find("payments")).isEmpty();

        store.write(new GraphBatch(List.of(Entity.of("deployment/payments", "Deployment", "payments")), List.of(), List.of(), List.of()));

        assertThat(lookups.find("payments")).extracting(Entity::key).containsExactly("deployment/payments");
    }

    @Test
    void lookupsSeeEntitiesTheBufferItselfWrote() {
        var lookups = writes.lookups();
        assertThat(lookups.find("frontend")).isEmpty();
        assertThat(lookups.find("payments")).isEmpty();

        writes.write(push("payments", "cart", T0, 10));

        assertThat(lookups.find("payments")).extracting(Entity::key).containsExactly(svc("payments"));
        assertThat(lookups.find("frontend")).isEmpty();
    }

    @Test
    void concurrentPushesAllLandWithOneEdgeEach() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        writes.write(push("caller-" + (i % 10), "callee-" + thread, T0.plusSeconds(i), i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        writes.flush();

        assertThat(store.relationships(List.of("CALLS"), 1_000)).hasSize(40);
        assertThat(store.counts().entities()).isEqualTo(14);
    }
}
