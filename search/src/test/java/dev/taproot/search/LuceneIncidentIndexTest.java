package dev.taproot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.lucene.LuceneIncidentIndex;

class LuceneIncidentIndexTest {

    static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path dir;
    LuceneIncidentIndex index;

    static Incident incident(String id, String title, String description, List<String> affected, String cause,
                             String fault, String resolution, Instant started) {
        return new Incident(id, title, description, started, null, "P2", affected, cause, fault, resolution,
                List.of("https://wiki.example/runbooks/" + id), "alice", List.of(), Map.of(), "test");
    }

    @BeforeEach
    void setUp() {
        index = LuceneIncidentIndex.open(dir);
        index.upsert(List.of(
                incident("INC-1", "Checkout latency high: payment timeouts",
                        "Payment service calls timed out after a connection pool exhaustion.",
                        List.of("checkoutservice", "paymentservice"), "paymentservice", "connection_pool_exhaustion",
                        "Raised the payment connection pool size and restarted paymentservice.", T),
                incident("INC-2", "Cart pods OOMKilled", "cartservice pods restarted repeatedly, OOMKilled.",
                        List.of("cartservice"), "cartservice", "OOMKilled", "Raised the memory limit to 512Mi.",
                        T.minusSeconds(86_400 * 400)),
                incident("INC-3", "Certificate expired on the frontend", "TLS handshake failures at the edge.",
                        List.of("frontend"), "frontend", "certificate_expiry", "Renewed the certificate.", T)));
        index.commit();
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    @Test
    void findsTheIncidentWhoseWordsMatchEvenInATinyHistory() {
        var hits = index.similar(SimilarQuery.text("payments are timing out at checkout", 5));
        assertThat(hits).isNotEmpty();
        SimilarHit best = hits.get(0);
        assertThat(best.id()).isEqualTo("INC-1");
        assertThat(best.resolution()).contains("connection pool");
        assertThat(best.runbook()).isEqualTo("https://wiki.example/runbooks/INC-1");
        assertThat(best.resolvedBy()).isEqualTo("alice");
        assertThat(best.matched()).extracting(MatchReason::field).contains("title");
        assertThat(best.why()).contains("payment");
    }

    @Test
    void matchesAreExplainedWithTheWordsAsAskedNotTheAnalysersStems() {
        SimilarHit best = index.similar(SimilarQuery.text("checkout latency with payments timing out", 5)).get(0);
        assertThat(best.id()).isEqualTo("INC-1");
        var words = best.matched().stream().flatMap(m -> m.terms().stream()).toList();
        assertThat(words).contains("checkout", "latency", "payments").doesNotContain("latenc", "payment", "time");
        assertThat(best.matched()).allMatch(m -> m.score() > 0);
        double shares = best.matched().stream().mapToDouble(MatchReason::score).sum();
        assertThat(shares).as("the fields' shares add up to about the text score").isPositive();
    }

    @Test
    void structuredMatchesFindTheSameServiceAndFaultWithoutAnyText() {
        var hits = index.similar(SimilarQuery.builder().services(List.of("service/cartservice"))
                .faultTypes(List.of("OOM killed")).build());
        assertThat(hits).extracting(SimilarHit::id).first().isEqualTo("INC-2");
        assertThat(hits.get(0).matched()).extracting(MatchReason::field).contains("service", "fault");
    }

    @Test
    void reindexingTheSameIdReplacesInsteadOfDuplicating() {
        index.upsert(List.of(incident("INC-2", "Cart pods OOMKilled again", "x", List.of("cartservice"), "cartservice",
                "OOMKilled", "Fixed the leak.", T)));
        index.commit();
        assertThat(index.count()).isEqualTo(3);
        assertThat(index.ids()).containsExactlyInAnyOrder("INC-1", "INC-2", "INC-3");
        assertThat(index.similar(SimilarQuery.text("cart oomkilled", 5)).get(0).resolution()).isEqualTo("Fixed the leak.");
    }

    @Test
    void feedbackLiftsHelpfulAndLowersUnhelpfulIncidentsAndTheExplanationSaysSo() {
        var q = SimilarQuery.builder().text("restarted").explain(true).build();
        var plain = index.similar(q);
        assertThat(plain).hasSizeGreaterThanOrEqualTo(2);
        String second = plain.get(1).id();
        var lifted = index.similar(q.withFeedback(Map.of(second, 10, plain.get(0).id(), -10)));
        assertThat(lifted.get(0).id()).isEqualTo(second);
        assertThat(lifted.get(0).explanation().render()).contains("feedback");
    }

    @Test
    void deletedIncidentsDisappearAndSurviveReopening() {
        index.delete(List.of("INC-3"));
        index.commit();
        index.close();
        index = LuceneIncidentIndex.open(dir);
        assertThat(index.ids()).containsExactlyInAnyOrder("INC-1", "INC-2");
        assertThat(index.similar(SimilarQuery.text("certificate expired", 5))).isEmpty();
    }

    @Test
    void theSameFailureShapeOnAnotherServiceMatchesByFingerprint() {
        index.upsert(List.of(new Incident("INC-9", "orders slow", "", T, null, null, List.of("orders-db"), "orders-db",
                "ReplicationLag", "rebuilt the replica", List.of(), "bob", List.of(),
                Map.of("fingerprint", List.of("database:replicationlag", "replicationlag>highlatency")), "test")));
        index.commit();
        var shape = new FailureFingerprint().signal("Database", "Replication_Lag").cause("ReplicationLag", "HighLatency");
        var hits = index.similar(SimilarQuery.builder().fingerprint(shape.tokens()).build());
        assertThat(hits).extracting(SimilarHit::id).containsExactly("INC-9");
        assertThat(hits.get(0).matched()).extracting(MatchReason::field).containsExactly("fp");
    }

    @Test
    void anEmptyQueryFindsNothing() {
        assertThat(index.similar(SimilarQuery.text("   ", 5))).isEmpty();
        assertThat(index.similar(SimilarQuery.text("the and of", 5))).isEmpty();
    }
}
