package dev.taproot.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.SharedData;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;

class IngestCommandTest {

    @Test
    void ingestsFoldersAndEndsWithTheSummaryLine(@TempDir Path dir) throws Exception {
        GraphStore store = TestStores.emptyEmbedded();
        var service = new IngestService(store, StandardIngestors.registry());
        Path bad = dir.resolve("bad.edges.csv");
        Files.writeString(bad, "source,target,relationship\na,b,CALLS\nc,,CALLS\nd,e,FRIENDS_WITH\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = IngestCommand.run(service, List.of(SharedData.require("k8s-online-boutique/kubernetes-manifests"),
                        SharedData.require("alertmanager-webhook/prometheus-msteams/prom_post_request.json"), bad),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), 50);

        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.strip().split("\n");
        var counts = store.counts();
        assertThat(code).isZero();
        assertThat(text).contains("Deployment").contains("rejected:")
                .contains(bad + ": line 3: 'target' is empty")
                .contains(bad + ": line 4, relationship: 'FRIENDS_WITH' is not a relationship type");
        assertThat(lines[lines.length - 1]).matches("ingest: \\d+ entities, \\d+ relationships, 1 signals, 2 rejected");
        assertThat(counts.signals()).isEqualTo(1);
    }

    @Test
    void aFileNoIngestorReadsIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        GraphStore store = TestStores.emptyEmbedded();
        Path unknown = dir.resolve("notes.bin");
        Files.writeString(unknown, "hello");
        var out = new ByteArrayOutputStream();
        int code = IngestCommand.run(new IngestService(store, StandardIngestors.registry()), List.of(unknown),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, 50);
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(unknown.toString())
                .endsWith("ingest: 0 entities, 0 relationships, 0 signals, 1 rejected\n");
    }
}
