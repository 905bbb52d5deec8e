package dev.taproot.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.TestStores;

/**
 * The embedded store answers the reads an analysis makes (entities, signals, root-cause counts, cause
 * priors, helpfulness) in-process; external mode answers them over the driver. On the same data both
 * must give the same records in the same order: the two stores here share one DBMS, one reads through
 * the Java API, the other through Bolt.
 */
class EmbeddedReadsAgreeWithBoltReadsTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final List<String> KEYS = List.of("service/checkout", "service/payment", "service/cart",
            "pod/shop/payment-1", "service/nope");

    private static GraphStore embedded;
    private static GraphStore bolt;

    @BeforeAll
    static void load() {
        embedded = TestStores.emptyEmbedded();
        bolt = TestStores.embeddedOverBolt();
        var b = GraphBatch.builder();
        b.entity(new Entity("service/checkout", "Service", "checkout", Map.of("namespace", "shop", "replicas", 3,
                "tier", List.of("web", "edge"), "ratio", 0.5, "public", true), Set.of("Checkout-Svc", "co"),
                T0.minusSeconds(600), T0));
        b.entity(Entity.of("service/payment", "Service", "payment").withProperty("namespace", "shop"));
        b.entity(Entity.of("service/cart", "Service", "cart"));
        b.entity(Entity.of("pod/shop/payment-1", "Pod", "payment"));
        b.relationship(Relationship.of("CALLS", "service/checkout", "service/payment"));
        b.relationship(Relationship.of("RUNS_ON", "service/payment", "pod/shop/payment-1"));
        for (int n = 0; n < 12; n++) {
            String on = KEYS.get(n % 4);
            b.signal(new Signal("sig-" + n, n % 2 == 0 ? "alert" : "anomaly", on, "High" + (n % 3), Severity.values()[n % 3],
                    T0.plusSeconds(60L * (n / 2)), n % 3 == 0 ? null : T0.plusSeconds(60L * (n / 2) + 30),
                    Map.of("value", n * 1.5, "count", n, "labels", List.of("a" + n, "b")), "test"));
        }
        embedded.write(b.build());
        embedded.upsertIncidents(List.of(
                new Incident("INC-1", "pool", null, T0, null, null, List.of("checkout"), "payment", "PoolExhausted",
                        "raised pool", List.of(), null, List.of(), Map.of(), "test"),
                new Incident("INC-2", "pool again", null, T0.plusSeconds(60), null, null, List.of("checkout"),
                        "service/payment", "Timeout", null, List.of(), null, List.of(), Map.of(), "test"),
                new Incident("INC-3", "cart", null, T0.plusSeconds(120), null, null, List.of(), "cart", null, null,
                        List.of(), null, List.of(), Map.of(), "test"),
                new Incident("INC-4", "checkout", null, T0.plusSeconds(180), null, null, List.of(), "checkout", "Crash",
                        null, List.of(), null, List.of(), Map.of(), "test")));
        embedded.addFeedback(new Feedback("f1", Feedback.Kind.HELPED, "INC-1", null, null, null, "alice", T0, null));
        embedded.addFeedback(new Feedback("f2", Feedback.Kind.NOT_HELPED, "INC-1", null, null, null, "bob", T0, null));
        embedded.addFeedback(new Feedback("f3", Feedback.Kind.HELPED, "INC-3", null, null, null, "bob", T0, null));
        embedded.addFeedback(new Feedback("f4", Feedback.Kind.CAUSE_CONFIRMED, null, "payment", "PoolExhausted", "a1",
                "carol", T0, null));
        embedded.addFeedback(new Feedback("f5", Feedback.Kind.CAUSE_REJECTED, null, "service/payment", "PoolExhausted",
                "a1", "dave", T0.plusSeconds(5), null));
        embedded.addFeedback(new Feedback("f6", Feedback.Kind.CAUSE_REJECTED, null, "cart", null, "a2", "carol", T0, null));
    }

    @Test
    void entitiesByKeyAndByNameOrAliasAreTheSameRecords() {
        for (String key : KEYS) {
            assertThat(embedded.entity(key)).isEqualTo(bolt.entity(key));
        }
        assertThat(embedded.entity("service/checkout")).get().satisfies(e -> {
            assertThat(e.aliases()).containsExactlyInAnyOrder("Checkout-Svc", "co");
            assertThat(e.properties()).containsEntry("tier", List.of("web", "edge")).containsEntry("replicas", 3L);
        });
        for (String text : List.of("payment", "PAYMENT", "checkout-svc", "service/cart", " co ", "nothing")) {
            assertThat(embedded.findEntities(text)).isEqualTo(bolt.findEntities(text));
        }
        assertThat(embedded.findEntities("payment")).hasSize(2);
        assertThat(embedded.entities(null, 100)).hasSizeGreaterThanOrEqualTo(4).isEqualTo(bolt.entities(null, 100));
        assertThat(embedded.entities("Service", 2)).hasSize(2).isEqualTo(bolt.entities("Service", 2));
    }

    @Test
    void signalsInAWindowAreTheSameRecordsInTheSameOrder() {
        assertThat(embedded.signals(KEYS, T0, T0.plusSeconds(600))).hasSize(12)
                .isEqualTo(bolt.signals(KEYS, T0, T0.plusSeconds(600)));
        assertThat(embedded.signals(List.of("service/payment"), T0.plusSeconds(100), T0.plusSeconds(200)))
                .isNotEmpty().isEqualTo(bolt.signals(List.of("service/payment"), T0.plusSeconds(100), T0.plusSeconds(200)));
        assertThat(embedded.signals(List.of(), T0.plusSeconds(120), null)).isEqualTo(bolt.signals(List.of(), T0.plusSeconds(120), null));
        assertThat(embedded.signals(List.of(), null, null)).isEqualTo(bolt.signals(List.of(), null, null));
    }

    @Test
    void rootCauseCountsPriorsAndHelpfulnessAreTheSame() {
        assertThat(embedded.rootCauseCounts(KEYS)).isEqualTo(bolt.rootCauseCounts(KEYS))
                .containsEntry("service/payment", 2L).containsEntry("service/cart", 1L).doesNotContainKey("service/nope");
        assertThat(embedded.rootCauseCounts(List.of())).isEqualTo(bolt.rootCauseCounts(List.of())).isEmpty();
        assertThat(embedded.causePriors(KEYS)).isEqualTo(bolt.causePriors(KEYS)).hasSizeGreaterThan(3);
        assertThat(embedded.causePriors(KEYS.reversed())).isEqualTo(bolt.causePriors(KEYS.reversed()));
        for (String key : KEYS) {
            assertThat(embedded.causePriors(List.of(key))).as(key).isEqualTo(bolt.causePriors(List.of(key)));
        }
        assertThat(embedded.causePriors(List.of())).isEqualTo(bolt.causePriors(List.of())).isEmpty();
        assertThat(embedded.incidentHelpfulness()).isEqualTo(bolt.incidentHelpfulness())
                .containsOnly(Map.entry("INC-1", 0), Map.entry("INC-3", 1));
    }

    @Test
    void aWriteIsSeenByTheNextEmbeddedRead() {
        Instant later = T0.plusSeconds(86_400);
        assertThat(embedded.entity("service/late")).isEmpty();
        embedded.write(GraphBatch.builder().entity(Entity.of("service/late", "Service", "late"))
                .signal(new Signal("sig-late", "alert", "service/late", "Late", Severity.CRITICAL, later, null, Map.of(), "test"))
                .build());
        assertThat(embedded.entity("service/late")).isPresent().isEqualTo(bolt.entity("service/late"));
        assertThat(embedded.signals(List.of("service/late"), later, later)).extracting(Signal::key).containsExactly("sig-late");
        embedded.upsertIncidents(List.of(new Incident("INC-late", "late", null, later, null, null, List.of(), "late", null,
                null, List.of(), null, List.of(), Map.of(), "test")));
        assertThat(embedded.rootCauseCounts(List.of("service/late"))).containsOnly(Map.entry("service/late", 1L));
    }
}
