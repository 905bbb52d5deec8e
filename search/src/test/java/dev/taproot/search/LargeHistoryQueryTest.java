package dev.taproot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.model.Incident;
import dev.taproot.search.lucene.LuceneIncidentIndex;
import dev.taproot.search.lucene.SearchWeights;

/** How the index behaves as a history grows: common query terms, and indexes written by another layout. */
class LargeHistoryQueryTest {

    static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path dir;

    static Incident incident(int n, String description) {
        return new Incident("INC-" + n, "Incident " + n, description, T, null, "P3", List.of("svc-" + (n % 50)),
                null, null, null, List.of(), null, List.of(), Map.of(), "test");
    }

    /** {@code size} incidents that all say "service degraded", three of which also say "zookeeper". */
    static List<Incident> history(int size) {
        var out = new ArrayList<Incident>();
        for (int n = 0; n < size; n++) {
            out.add(incident(n, n % (size / 3) == 7 ? "service degraded after zookeeper session expiry" : "service degraded"));
        }
        return out;
    }

    static List<String> ids(LuceneIncidentIndex index, String text) {
        return index.similar(SimilarQuery.text(text, 10)).stream().map(SimilarHit::id).toList();
    }

    @Test
    void inALargeHistoryATermInMostIncidentsNoLongerPullsInEveryOneOfThem() {
        try (var index = LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT)) {
            index.upsert(history(SearchWeights.COMMON_TERMS_MIN_DOCS + 3));
            index.commit();
            // "service" and "degraded" are in every incident: only the rare term decides
            assertThat(ids(index, "service degraded: zookeeper sessions expire")).hasSize(3)
                    .allSatisfy(id -> assertThat(id).isIn("INC-7", "INC-3341", "INC-6675"));
            // with nothing rarer to go by, the common terms still answer
            assertThat(ids(index, "service degraded")).hasSize(10);
        }
    }

    @Test
    void inASmallHistoryEveryTermCounts() {
        try (var index = LuceneIncidentIndex.inMemory(SearchWeights.DEFAULT)) {
            index.upsert(history(300));
            index.commit();
            var hits = ids(index, "service degraded: zookeeper sessions expire");
            assertThat(hits).hasSize(10);
            assertThat(hits.subList(0, 3)).containsExactlyInAnyOrder("INC-7", "INC-107", "INC-207");
        }
    }

    @Test
    void anIndexWrittenWithAnotherDocumentLayoutIsEmptiedForTheGraphToRefill() throws Exception {
        Path old = dir.resolve("old");
        try (var writer = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
            var doc = new Document();
            doc.add(new StringField("id", "INC-OLD", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of("taproot.schema", "1").entrySet());
            writer.commit();
        }
        try (var index = LuceneIncidentIndex.open(old)) {
            assertThat(index.count()).isZero();
            index.upsert(List.of(incident(1, "disk full on the primary")));
            index.commit();
        }
        // an index in the current layout keeps what it holds
        try (var index = LuceneIncidentIndex.open(old)) {
            assertThat(index.count()).isEqualTo(1);
            assertThat(ids(index, "disk full")).containsExactly("INC-1");
        }
    }
}
