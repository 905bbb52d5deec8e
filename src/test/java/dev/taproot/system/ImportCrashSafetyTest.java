package dev.taproot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.ingest.incidents.IncidentFormats;
import dev.taproot.ingest.incidents.IncidentImporter;

/**
 * {@code kill -9} in the middle of {@code taproot import}: every incident the import acknowledged is
 * in the graph, the index agrees with the graph after restart, and re-running the import completes
 * the rest without duplicates.
 */
class ImportCrashSafetyTest {

    static final int INCIDENTS = 150_000;
    static final Pattern ACK = Pattern.compile("import: (\\d+) incidents acknowledged");

    @TempDir
    Path dir;

    @Test
    void killedImportLosesNothingAcknowledgedAndReRunCompletes() throws Exception {
        Path file = dir.resolve("history.ndjson");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < INCIDENTS; i++) {
                w.write("{\"id\":\"INC-" + i + "\",\"title\":\"service " + (i % 97) + " latency high\","
                        + "\"services\":[\"svc-" + (i % 97) + "\"],\"resolution\":\"restarted svc-" + (i % 97) + "\"}\n");
            }
        }
        Path data = dir.resolve("data");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", classpath,
                "dev.taproot.api.cli.TaprootCli", "import", file.toString(), "--data", data.toString(),
                "--bolt-port", "0", "--rejects", dir.resolve("rejects.ndjson").toString()));
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long acknowledged = -1;
        try (var err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                Matcher m = ACK.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) > 0) {
                    acknowledged = Long.parseLong(m.group(1));
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("the import acknowledged some batches before it was killed").isPositive();
        assertThat(acknowledged).as("killed before the end").isLessThan(INCIDENTS);

        var config = TaprootConfig.from(data, 0, 0, Map.of());
        try (Taproot taproot = Taproot.start(config)) {
            long inGraph = taproot.store().incidentCount();
            assertThat(inGraph).isGreaterThanOrEqualTo(acknowledged);
            assertThat(taproot.memory().index().count()).isEqualTo(inGraph);

            var summary = taproot.memory().importFrom(IncidentFormats.open(file, null, null), IncidentImporter.Listener.NONE);
            assertThat(summary.imported()).isEqualTo(INCIDENTS);
            assertThat(taproot.store().incidentCount()).isEqualTo(INCIDENTS);
            assertThat(taproot.memory().index().count()).isEqualTo(INCIDENTS);
        }
    }
}
