package dev.taproot.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.model.SubgraphQuery;

/**
 * What every {@link GraphStore} must do. Subclasses supply the store (embedded Neo4j, a Neo4j server in
 * a container); the suite empties it before each test.
 */
public abstract class GraphStoreContract {

    protected static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    protected GraphStore store;

    /** The store under test; called before each test. */
    protected abstract GraphStore store();

    @BeforeEach
    void emptyStore() {
        store = store();
        store.clear();
    }

    private static Entity service(String name) {
        return Entity.of(EntityKeys.service(name), "Service", name);
    }

    /** frontend -> checkout -> payment, checkout -> cart; each with a pod on node-1. */
    private void loadChain() {
        var b = GraphBatch.builder();
        for (String s : List.of("frontend", "checkout", "payment", "cart", "unrelated")) {
            b.entity(service(s));
        }
        b.relationship(Relationship.of("CALLS", EntityKeys.service("frontend"), EntityKeys.service("checkout")));
        b.relationship(Relationship.of("CALLS", EntityKeys.service("checkout"), EntityKeys.service("payment")));
        b.relationship(Relationship.of("CALLS", EntityKeys.service("checkout"), EntityKeys.service("cart")));
        store.write(b.build());
    }

    @Test
    void eachWriteMovesTheWriteGenerationByTwoAndReadsLeaveItAlone() {
        long before = store.writeGeneration();
        if (before < 0) {
            return; // a store that does not count its writes says so, and nothing more is promised
        }
        loadChain();
        assertThat(store.writeGeneration()).isEqualTo(before + 2);
        store.counts();
        store.findEntities("checkout");
        assertThat(store.writeGeneration()).isEqualTo(before + 2);
        store.closeRelationships(List.of(EntityKeys.service("frontend") + "|CALLS|" + EntityKeys.service("checkout")), T0);
        assertThat(store.writeGeneration()).isEqualTo(before + 4);
        store.clear();
        assertThat(store.writeGeneration()).isEqualTo(before + 6);
    }

    @Test
    void upsertingTheSameBatchTwiceChangesNothing() {
        loadChain();
        var first = store.counts();
        loadChain();
        assertThat(store.counts()).isEqualTo(first);
        assertThat(first.entities()).isEqualTo(5);
        assertThat(first.relationships()).isEqualTo(3);
        assertThat(first.entitiesByType()).containsEntry("Service", 5L);
    }

    @Test
    void entityRoundTripsWithPropertiesAliasesAndSightings() {
        var e = new Entity("k8s/prod/Deployment/cart", "Deployment", "cart",
                Map.of("replicas", 3, "image", "cart:1.2", "ports", List.of("8080", "9090"), "ready", true),
                Set.of("cart-v1"), T0, T0.plusSeconds(60));
        store.upsertEntities(List.of(e));
        var read = store.entity("k8s/prod/Deployment/cart").orElseThrow();
        assertThat(read.type()).isEqualTo("Deployment");
        assertThat(read.properties()).containsEntry("replicas", 3L).containsEntry("image", "cart:1.2")
                .containsEntry("ready", true).containsEntry("ports", List.of("8080", "9090"));
        assertThat(read.aliases()).containsExactly("cart-v1");
        assertThat(read.firstSeen()).isEqualTo(T0);
        assertThat(read.lastSeen()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void laterSightingsWidenFirstAndLastSeenAndMergeAliases() {
        var key = EntityKeys.service("cart");
        store.upsertEntities(List.of(new Entity(key, "Service", "cart", Map.of(), Set.of("a"), T0, T0)));
        store.upsertEntities(List.of(new Entity(key, "Service", "cart", Map.of(), Set.of("b"), T0.minusSeconds(5),
                T0.plusSeconds(5))));
        var read = store.entity(key).orElseThrow();
        assertThat(read.firstSeen()).isEqualTo(T0.minusSeconds(5));
        assertThat(read.lastSeen()).isEqualTo(T0.plusSeconds(5));
        assertThat(read.aliases()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void findsEntitiesByNameOrAliasIgnoringCase() {
        store.upsertEntities(List.of(service("cartservice").withAliases(Set.of("Cart-Svc"))));
        assertThat(store.findEntities("CartService")).extracting(Entity::key).containsExactly("service/cartservice");
        assertThat(store.findEntities("cart-svc")).hasSize(1);
        assertThat(store.findEntities("service/cartservice")).hasSize(1);
        assertThat(store.findEntities("nothing")).isEmpty();
    }

    @Test
    void relationshipToAnUnknownEntityCreatesAnUnresolvedPlaceholderThatALaterSourceResolves() {
        store.upsertRelationships(List.of(Relationship.of("DEPENDS_ON", "service/a", "service/ghost")));
        assertThat(store.entity("service/ghost").orElseThrow().type()).isEqualTo("Unresolved");
        store.upsertEntities(List.of(service("ghost")));
        assertThat(store.entity("service/ghost").orElseThrow().type()).isEqualTo("Service");
        assertThat(store.counts().entitiesByType()).containsEntry("Unresolved", 1L).containsEntry("Service", 1L);
    }

    @Test
    void subgraphReadsKHopsInBothDirectionsWithSignalsInTheWindow() {
        loadChain();
        store.upsertSignals(List.of(
                signal("s1", "payment", T0.plusSeconds(10)),
                signal("s2", "frontend", T0.plusSeconds(20)),
                signal("late", "payment", T0.plusSeconds(5000)),
                signal("other", "unrelated", T0.plusSeconds(10))));

        Subgraph one = store.subgraph(new SubgraphQuery(Set.of(EntityKeys.service("checkout")), 1, null,
                T0, T0.plusSeconds(600), 0));
        assertThat(one.entities()).extracting(Entity::name)
                .containsExactlyInAnyOrder("checkout", "frontend", "payment", "cart");
        assertThat(one.relationships()).hasSize(3);
        assertThat(one.signals()).extracting(Signal::key).containsExactlyInAnyOrder("s1", "s2");

        Subgraph zero = store.subgraph(new SubgraphQuery(Set.of(EntityKeys.service("payment")), 0, null, T0,
                T0.plusSeconds(600), 0));
        assertThat(zero.entities()).extracting(Entity::name).containsExactly("payment");
        assertThat(zero.relationships()).isEmpty();

        Subgraph two = store.subgraph(new SubgraphQuery(Set.of(EntityKeys.service("payment")), 2, null, T0,
                T0.plusSeconds(600), 0));
        assertThat(two.entities()).extracting(Entity::name)
                .containsExactlyInAnyOrder("payment", "checkout", "frontend", "cart");
    }

    @Test
    void neighbourhoodKeysAreTheNeighbourhoodsEntitiesInTheirOrder() {
        loadChain();
        for (String key : List.of("service/checkout", "service/frontend", "service/unrelated", "service/nope")) {
            for (int depth = 0; depth <= 3; depth++) {
                assertThat(store.neighbourhoodKeys(key, depth, null)).as(key + " at depth " + depth)
                        .isEqualTo(store.neighbourhood(key, depth, null).entities().stream().map(Entity::key).toList());
            }
        }
        assertThat(store.neighbourhoodKeys("service/frontend", 1, null))
                .containsExactly("service/frontend", "service/checkout");
        assertThat(store.neighbourhoodKeys("service/nope", 2, null)).isEmpty();
    }

    @Test
    void subgraphAsOfATimeFollowsOnlyRelationshipsValidThen() {
        store.upsertEntities(List.of(service("a"), service("b"), service("c")));
        store.upsertRelationships(List.of(
                new Relationship("CALLS", "service/a", "service/b", Map.of(), T0, T0.plusSeconds(100)),
                new Relationship("CALLS", "service/a", "service/c", Map.of(), T0.plusSeconds(100), null)));
        var before = store.subgraph(new SubgraphQuery(Set.of("service/a"), 1, T0.plusSeconds(50), null, null, 0));
        assertThat(before.entities()).extracting(Entity::name).containsExactlyInAnyOrder("a", "b");
        var after = store.subgraph(new SubgraphQuery(Set.of("service/a"), 1, T0.plusSeconds(150), null, null, 0));
        assertThat(after.entities()).extracting(Entity::name).containsExactlyInAnyOrder("a", "c");
        var now = store.subgraph(new SubgraphQuery(Set.of("service/a"), 1, null, null, null, 0));
        assertThat(now.entities()).extracting(Entity::name).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void closingARelationshipEndsItsValidityAndAReappearanceOpensANewInterval() {
        loadChain();
        String id = Relationship.of("CALLS", "service/checkout", "service/cart").identity();
        store.closeRelationships(List.of(id), T0);
        var history = store.relationshipsOf("service/cart");
        assertThat(history).singleElement().satisfies(r -> assertThat(r.validTo()).isEqualTo(T0));
        assertThat(store.neighbourhood("service/cart", 1, null).entities()).hasSize(1);

        store.upsertRelationships(List.of(new Relationship("CALLS", "service/checkout", "service/cart", Map.of(),
                T0.plusSeconds(60), null)));
        assertThat(store.relationshipsOf("service/cart")).hasSize(2);
        assertThat(store.neighbourhood("service/cart", 1, T0.minusSeconds(1)).entities()).hasSize(2);
        assertThat(store.neighbourhood("service/cart", 1, T0.plusSeconds(30)).entities()).hasSize(1);
    }

    @Test
    void subgraphIsCappedKeepingTheNearestEntities() {
        loadChain();
        var capped = store.subgraph(new SubgraphQuery(Set.of("service/frontend"), 3, null, null, null, 2));
        assertThat(capped.entities()).extracting(Entity::name).containsExactlyInAnyOrder("frontend", "checkout");
    }

    @Test
    void signalsRoundTripAndUpsertByKey() {
        loadChain();
        var s = new Signal("alert-1", "HighLatency", "service/checkout", "CheckoutLatency", Severity.CRITICAL,
                T0, null, Map.of("p99_ms", 1200.5, "summary", "slow"), "alertmanager");
        store.upsertSignals(List.of(s));
        store.upsertSignals(List.of(s));
        var read = store.signals(List.of("service/checkout"), T0.minusSeconds(1), T0.plusSeconds(1));
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("HighLatency");
            assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(r.attributes()).containsEntry("p99_ms", 1200.5).containsEntry("summary", "slow");
            assertThat(r.source()).isEqualTo("alertmanager");
        });
        assertThat(store.counts().signals()).isEqualTo(1);
    }

    @Test
    void incidentsLinkToAffectedAndRootCauseEntitiesByKeyOrName() {
        loadChain();
        var incident = new Incident("INC-1", "Checkout down", "payments timed out", T0, T0.plusSeconds(3600), "P1",
                List.of("checkout", "service/frontend"), "payment", "ConnectionPoolExhaustion",
                "raised the pool size", List.of("https://runbooks/pay"), "alice", List.of("payments"),
                Map.of("team", "core"), "test");
        store.upsertIncidents(List.of(incident));
        store.upsertIncidents(List.of(incident));
        assertThat(store.incident("INC-1")).contains(incident);
        assertThat(store.incidentsOf("service/payment")).extracting(Incident::id).containsExactly("INC-1");
        assertThat(store.incidentsOf("service/checkout")).hasSize(1);
        assertThat(store.incidentsOf("service/cart")).isEmpty();
        assertThat(store.counts().incidents()).isEqualTo(1);
    }

    @Test
    void aLargeIncidentBatchIsStoredWholeAndReimportingItUpdatesWithoutDuplicates() {
        loadChain();
        var batch = new java.util.ArrayList<Incident>();
        for (int n = 0; n < 2_400; n++) {
            batch.add(new Incident("BULK-" + n, "t" + n, "d" + n, T0.plusSeconds(n), null, "P3",
                    List.of(n % 2 == 0 ? "checkout" : "cart", "frontend"), "payment", "Timeout", "fix " + n,
                    List.of(), null, List.of("bulk"), Map.of(), "test"));
        }
        store.upsertIncidents(batch);
        assertThat(store.incidentCount()).isEqualTo(2_400);
        assertThat(store.incidentsOf("service/payment")).hasSize(2_400);
        assertThat(store.incidentsOf("service/checkout")).hasSize(1_200);

        // the same ids again, now with another root cause and fewer affected entities
        var again = batch.stream().map(i -> new Incident(i.id(), i.title(), i.description(), i.started(), null, "P2",
                List.of("cart"), "checkout", i.faultType(), "better fix", List.of(), null, List.of(), Map.of(), "test")).toList();
        store.upsertIncidents(again);
        assertThat(store.incidentCount()).isEqualTo(2_400);
        assertThat(store.incidentsOf("service/payment")).isEmpty();
        assertThat(store.incidentsOf("service/frontend")).isEmpty();
        assertThat(store.incidentsOf("service/cart")).hasSize(2_400);
        assertThat(store.incident("BULK-1234")).hasValueSatisfying(i -> {
            assertThat(i.resolution()).isEqualTo("better fix");
            assertThat(i.severity()).isEqualTo("P2");
            assertThat(i.rootCause()).isEqualTo("checkout");
        });
    }

    @Test
    void anEntitysHistoryIsReadByWindowAndLimitAndItsRootCauseCountWithoutReadingIt() {
        loadChain();
        var batch = new java.util.ArrayList<Incident>();
        for (int n = 0; n < 30; n++) {
            batch.add(new Incident("H-%02d".formatted(n), "t" + n, null, T0.plusSeconds(3600L * n), null, null,
                    List.of("checkout"), n % 3 == 0 ? "payment" : "Cart", "Timeout", null, List.of(), null, List.of(),
                    Map.of(), "test"));
        }
        batch.add(new Incident("H-undated", "t", null, null, null, null, List.of("checkout"), null, null, null,
                List.of(), null, List.of(), Map.of(), "test"));
        store.upsertIncidents(batch);

        assertThat(store.incidentsOf("service/checkout")).hasSize(31);
        assertThat(store.incidentsOf("service/checkout", null, null, 3)).extracting(Incident::id)
                .containsExactly("H-29", "H-28", "H-27");
        assertThat(store.incidentsOf("service/checkout", T0.plusSeconds(3600L * 10), T0.plusSeconds(3600L * 13), 10))
                .extracting(Incident::id).containsExactly("H-12", "H-11", "H-10");
        assertThat(store.incidents(2)).extracting(Incident::id).containsExactly("H-29", "H-28");
        assertThat(store.incidents(40)).hasSize(31).last().extracting(Incident::id).isEqualTo("H-undated");

        // the root cause is matched by key or, ignoring case, by name: "Cart" is service/cart
        assertThat(store.rootCauseCounts(List.of("service/payment", "service/cart", "service/frontend", "service/nope")))
                .containsOnly(Map.entry("service/payment", 10L), Map.entry("service/cart", 20L));
    }

    @Test
    void incidentsAreReadByIdsAndPagedInIdOrder() {
        var batch = new java.util.ArrayList<Incident>();
        for (int n = 0; n < 25; n++) {
            batch.add(new Incident("INC-%03d".formatted(n), "t" + n, null, T0, null, null, List.of(), null, null,
                    "fix " + n, List.of(), null, List.of(), Map.of(), "test"));
        }
        store.upsertIncidents(batch);
        assertThat(store.incidentCount()).isEqualTo(25);
        assertThat(store.incidentsById(List.of("INC-003", "INC-404", "INC-017")))
                .extracting(Incident::id).containsExactlyInAnyOrder("INC-003", "INC-017");
        var seen = new java.util.ArrayList<String>();
        String after = null;
        for (List<Incident> page; !(page = store.incidentsAfter(after, 10)).isEmpty(); after = page.getLast().id()) {
            page.forEach(i -> seen.add(i.id()));
        }
        assertThat(seen).hasSize(25).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void feedbackIsStoredWithWhoAndWhenAndReadAsHelpfulnessAndCausePriors() {
        loadChain();
        var incident = new Incident("INC-9", "pool exhausted", null, T0, null, null, List.of("checkout"), "payment",
                "ConnectionPoolExhaustion", "raised pool", List.of(), null, List.of(), Map.of(), "test");
        store.upsertIncidents(List.of(incident));
        store.addFeedback(new dev.taproot.graph.model.Feedback("f1", dev.taproot.graph.model.Feedback.Kind.HELPED,
                "INC-9", null, null, null, "alice", T0, "same pool"));
        store.addFeedback(new dev.taproot.graph.model.Feedback("f2", dev.taproot.graph.model.Feedback.Kind.HELPED,
                "INC-9", null, null, null, "bob", T0.plusSeconds(60), null));
        store.addFeedback(new dev.taproot.graph.model.Feedback("f2", dev.taproot.graph.model.Feedback.Kind.HELPED,
                "INC-9", null, null, null, "bob", T0.plusSeconds(60), null));
        store.addFeedback(new dev.taproot.graph.model.Feedback("f3", dev.taproot.graph.model.Feedback.Kind.CAUSE_CONFIRMED,
                null, "payment", "ConnectionPoolExhaustion", "an-1", "carol", T0, null));
        store.addFeedback(new dev.taproot.graph.model.Feedback("f4", dev.taproot.graph.model.Feedback.Kind.CAUSE_REJECTED,
                null, "service/cart", null, "an-1", "carol", T0, null));

        assertThat(store.feedbackAbout("INC-9")).extracting(dev.taproot.graph.model.Feedback::by).containsExactly("alice", "bob");
        assertThat(store.incidentHelpfulness()).containsExactly(Map.entry("INC-9", 2));
        var priors = store.causePriors(List.of("service/payment", "service/cart"));
        assertThat(priors).anySatisfy(p -> {
            assertThat(p.entityKey()).isEqualTo("service/payment");
            assertThat(p.faultType()).isEqualTo("ConnectionPoolExhaustion");
            assertThat(p.confirmed()).isEqualTo(1);
            assertThat(p.pastIncidents()).isEqualTo(1);
        });
        assertThat(priors).anySatisfy(p -> {
            assertThat(p.entityKey()).isEqualTo("service/cart");
            assertThat(p.rejected()).isEqualTo(1);
            assertThat(p.confidence()).isLessThan(0.5);
        });
    }

    @Test
    void aBatchTheDatabaseRejectsWritesNothing() {
        loadChain();
        var before = store.counts();
        // Neo4j refuses a label containing a NUL character; everything before it in the batch must roll back
        var batch = GraphBatch.builder()
                .entity(service("never-stored"))
                .relationship(Relationship.of("CALLS", "service/never-stored", "service/cart"))
                .build();
        var poisoned = new GraphBatch(List.of(service("never-stored"), Entity.of("bad/1", "Bad\u0000Type", "bad")),
                batch.relationships(), List.of(), List.of());
        assertThatThrownBy(() -> store.write(poisoned)).isInstanceOf(RuntimeException.class);
        assertThat(store.entity(EntityKeys.service("never-stored"))).isEmpty();
        assertThat(store.counts()).isEqualTo(before);
    }

    @Test
    void modelRejectsBadRecordsWithTheFieldNamed() {
        assertThatThrownBy(() -> Entity.of(" ", "Service", "x")).hasMessageContaining("entity.key");
        assertThatThrownBy(() -> Relationship.of("calls", "a", "b")).hasMessageContaining("UPPER_SNAKE_CASE");
        assertThatThrownBy(() -> new Entity("k", "Service", "k", Map.of("name", "x"), Set.of(), null, null))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> new Signal("k", "Alert", "e", "n", Severity.INFO, T0, T0.minusSeconds(1), Map.of(), "s"))
                .hasMessageContaining("end is before start");
    }

    private static Signal signal(String key, String service, Instant at) {
        return new Signal(key, "HighLatency", EntityKeys.service(service), key, Severity.WARNING, at, null, Map.of(), "test");
    }
}
