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

import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code taproot import} then {@code taproot search} and {@code taproot reindex} on a fresh data directory. */
class ImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void importsMixedFormatsWritesRejectsAndEndsWithTheSummaryLineThenSearchFindsTheResolution() throws Exception {
        Path ndjson = dir.resolve("history.ndjson");
        Files.writeString(ndjson, String.join("\n",
                "{\"id\":\"N-1\",\"title\":\"orders-db replication lag\",\"resolution\":\"rebuilt the replica\",\"resolved_by\":\"bob\",\"runbook\":\"https://rb/db\"}",
                "{\"id\":\"N-2\",\"title\":\"bad\",\"started\":\"last tuesday\"}",
                "{\"id\":\"N-3\",\"title\":\"cart cache evicted\",\"resolution\":\"pinned the cache pod\"}") + "\n");
        Path csv = dir.resolve("sn.csv");
        Files.writeString(csv, "number,short_description,close_notes\nINC001,mail queue backlog,scaled the mail workers\n");
        Path rejects = dir.resolve("rejects.ndjson");
        Path data = dir.resolve("data");

        String out = run("import", ndjson.toString(), csv.toString(), "--data", data.toString(), "--bolt-port", "0",
                "--rejects", rejects.toString(), "--no-progress");
        List<String> lines = out.lines().toList();
        assertThat(lines.getLast()).matches("import: 3 incidents, 1 rejected, \\d+/s");
        var reject = new ObjectMapper().readTree(Files.readAllLines(rejects).get(0));
        assertThat(reject.path("line").asInt()).isEqualTo(2);
        assertThat(reject.path("field").asText()).isEqualTo("started");
        assertThat(reject.path("reason").asText()).contains("ISO-8601");

        String found = run("search", "replica", "lag", "--data", data.toString(), "--bolt-port", "0");
        assertThat(found).contains("N-1").contains("rebuilt the replica").contains("https://rb/db").contains("bob")
                .contains("why:");
        assertThat(found.lines().toList().getLast()).startsWith("search: ");

        assertThat(run("reindex", "--data", data.toString(), "--bolt-port", "0")).contains("reindex: 3 incidents");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        var buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = TaprootCli.run(args);
            assertThat(code).as(buffer.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
