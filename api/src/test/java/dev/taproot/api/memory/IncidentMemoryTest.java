package dev.taproot.api.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.model.Incident;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.lucene.LuceneIncidentIndex;

/** The index is derived from the graph: after any crash, opening the memory puts them back in line. */
class IncidentMemoryTest {

    @TempDir
    Path indexDir;
    GraphStore store;

    @BeforeEach
    void emptyStore() {
        store = TestStores.emptyEmbedded();
    }

    static Incident incident(String id, String title) {
        return new Incident(id, title, null, null, null, null, List.of(), null, null, "fixed " + id, List.of(), null,
                List.of(), Map.of(), "test");
    }

    @Test
    void incidentsInTheGraphButNotInTheIndexAreAddedOnOpen() {
        store.upsertIncidents(List.of(incident("A", "disk full"), incident("B", "cpu saturated")));
        try (var memory = IncidentMemory.open(store, indexDir)) {
            assertThat(memory.index().ids()).containsExactlyInAnyOrder("A", "B");
            assertThat(memory.similar(SimilarQuery.text("disk", 5))).extracting(h -> h.id()).containsExactly("A");
        }
    }

    @Test
    void indexEntriesTheGraphLacksAreRemovedOnOpen() {
        store.upsertIncidents(List.of(incident("A", "disk full")));
        try (var index = LuceneIncidentIndex.open(indexDir.resolve("incidents"))) {
            index.upsert(List.of(incident("A", "disk full"), incident("GHOST", "never stored")));
            index.commit();
        }
        try (var memory = IncidentMemory.open(store, indexDir)) {
            assertThat(memory.index().ids()).containsExactly("A");
        }
    }

    @Test
    void journalledIdsAreReindexedFromTheGraphSoAnUncommittedUpdateIsNotLost() throws Exception {
        try (var memory = IncidentMemory.open(store, indexDir)) {
            memory.write(List.of(incident("A", "disk full")));
            memory.commit();
        }
        // a crash after the graph write and before the index commit: graph updated, journal holds the id
        store.upsertIncidents(List.of(incident("A", "memory leak in parser")));
        Files.writeString(indexDir.resolve("incidents.pending"), "A\nNEVER-WRITTEN\n");
        try (var memory = IncidentMemory.open(store, indexDir)) {
            assertThat(memory.similar(SimilarQuery.text("memory leak", 5))).extracting(h -> h.title())
                    .containsExactly("memory leak in parser");
            assertThat(memory.index().ids()).containsExactly("A");
            assertThat(Files.size(indexDir.resolve("incidents.pending"))).isZero();
        }
    }

    @Test
    void aJournalSealedForACommitThatNeverHappenedIsReplayedToo() throws Exception {
        try (var memory = IncidentMemory.open(store, indexDir)) {
            memory.write(List.of(incident("A", "disk full"), incident("B", "dns outage")));
            memory.commit();
        }
        // a crash while the index committed: the sealed journal and the current one both still hold ids
        store.upsertIncidents(List.of(incident("A", "certificate expired"), incident("B", "kafka consumer lag")));
        Files.writeString(indexDir.resolve("incidents.pending.7"), "A\n");
        Files.writeString(indexDir.resolve("incidents.pending"), "B\n");
        try (var memory = IncidentMemory.open(store, indexDir)) {
            assertThat(memory.recover().changedAnything()).isFalse();
            assertThat(memory.similar(SimilarQuery.text("certificate", 5))).extracting(h -> h.id()).containsExactly("A");
            assertThat(memory.similar(SimilarQuery.text("kafka", 5))).extracting(h -> h.id()).containsExactly("B");
            assertThat(indexDir.resolve("incidents.pending.7")).doesNotExist();
            assertThat(Files.size(indexDir.resolve("incidents.pending"))).isZero();
        }
    }

    @Test
    void commitsRunBehindTheGraphWritesAndLeaveEverythingIndexedWithAnEmptyJournal() throws Exception {
        Path journal = indexDir.resolve("incidents.pending");
        // a commit every 100 incidents: the second batch's commit runs while the third goes to the graph
        try (var memory = new IncidentMemory(store, LuceneIncidentIndex.open(indexDir.resolve("incidents")), journal, 100)) {
            for (int b = 0; b < 3; b++) {
                var batch = new java.util.ArrayList<Incident>();
                for (int n = 0; n < 60; n++) {
                    batch.add(incident("B" + b + "-" + n, "batch " + b));
                }
                memory.write(batch);
            }
        }
        try (var index = LuceneIncidentIndex.open(indexDir.resolve("incidents"))) {
            assertThat(index.count()).isEqualTo(180);
        }
        assertThat(store.incidentCount()).isEqualTo(180);
        assertThat(Files.size(journal)).isZero();
        try (var files = Files.list(indexDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("incidents.pending.")))
                    .isEmpty();
        }
    }

    @Test
    void reindexRebuildsTheIndexFromTheGraph() {
        try (var memory = IncidentMemory.open(store, indexDir)) {
            memory.write(List.of(incident("A", "disk full"), incident("B", "dns outage")));
            memory.commit();
            store.upsertIncidents(List.of(incident("C", "queue backlog")));
            assertThat(memory.reindex(n -> { })).isEqualTo(3);
            assertThat(memory.index().ids()).containsExactlyInAnyOrder("A", "B", "C");
        }
    }
}
