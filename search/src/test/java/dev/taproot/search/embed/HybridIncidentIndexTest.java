package dev.taproot.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.lucene.LuceneIncidentIndex;
import dev.taproot.search.lucene.SearchWeights;

/** The hybrid index over a real Lucene directory and the real in-process model. */
class HybridIncidentIndexTest {

    private static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new MiniLmEmbedder(1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static Incident incident(String id, String title, String description, String resolution) {
        return new Incident(id, title, description, Instant.parse("2026-01-01T00:00:00Z"), null, "SEV2",
                List.of("web-frontend"), null, null, resolution, List.of("https://runbooks.example/" + id), "alice",
                List.of(), Map.of(), "test");
    }

    private static HybridIncidentIndex index(RankFusion fusion) {
        var index = new HybridIncidentIndex(LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT),
                IncidentVectorIndex.inMemory(embedder), fusion, 10);
        index.upsert(List.of(
                incident("INC-1", "Certificate expired on the storefront", "HTTPS handshakes failed for every browser.",
                        "Renewed the certificate and automated its rotation."),
                incident("INC-2", "Payment database connection pool exhausted", "Requests queued until they timed out.",
                        "Raised the pool size and fixed a connection leak."),
                incident("INC-3", "Log volume filled the disk", "Writes failed on the logging node.", "Rotated logs.")));
        index.commit();
        return index;
    }

    @Test
    void findsAnIncidentThatSharesNoWordWithTheQueryAndSaysItMatchedByMeaning() {
        try (var index = index(RankFusion.reciprocalRank(60, 1.0))) {
            var q = SimilarQuery.text("TLS cert lapsed so browsers refused the site", 3);
            try (var lexicalOnly = LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT)) {
                lexicalOnly.upsert(List.of(incident("INC-1", "Certificate expired on the storefront",
                        "HTTPS handshakes failed for every browser.", "Renewed the certificate.")));
                lexicalOnly.commit();
                assertThat(lexicalOnly.similar(SimilarQuery.text("TLS cert lapsed so refused the site", 3))).isEmpty();
            }
            var hits = index.similar(q);
            assertThat(hits).isNotEmpty();
            assertThat(hits.get(0).id()).isEqualTo("INC-1");
            assertThat(hits.get(0).matched()).anySatisfy(r -> assertThat(r.field()).isEqualTo("embedding"));
        }
    }

    @Test
    void lexicalHitsKeepTheirResolutionAndLinks() {
        try (var index = index(RankFusion.reciprocalRank(60, 1.0))) {
            var hits = index.similar(SimilarQuery.text("database connection pool exhausted, requests timed out", 3));
            assertThat(hits.get(0).id()).isEqualTo("INC-2");
            assertThat(hits.get(0).resolution()).contains("pool size");
            assertThat(hits.get(0).runbook()).endsWith("INC-2");
            assertThat(hits.get(0).matched()).extracting(r -> r.field()).contains("title", "embedding");
        }
    }

    @Test
    void upsertReplacesByIdAndDeleteRemovesFromBothSides() {
        try (var index = index(RankFusion.semanticOnly())) {
            index.upsert(List.of(incident("INC-3", "Disk full on the logging node", "Writes failed.", "Rotated logs.")));
            index.commit();
            assertThat(index.count()).isEqualTo(3);
            index.delete(List.of("INC-1"));
            index.commit();
            assertThat(index.ids()).containsExactlyInAnyOrder("INC-2", "INC-3");
            assertThat(index.count()).isEqualTo(2);
            assertThat(index.similar(SimilarQuery.text("certificate expired, HTTPS handshakes failed", 5)))
                    .extracting(h -> h.id()).doesNotContain("INC-1").hasSize(2);
        }
    }
}
