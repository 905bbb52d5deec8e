package dev.taproot.api.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.taproot.api.explorer.ExplorerFuzzTargets;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.ingest.incidents.CsvIncidentReader;
import dev.taproot.ingest.incidents.IncidentReader;
import dev.taproot.ingest.incidents.NdjsonIncidentReader;
import dev.taproot.ingest.incidents.PagerDutyIncidentReader;
import dev.taproot.ingest.incidents.PostmortemIncidentReader;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryIngestor;

/**
 * Coverage-guided fuzzing (Jazzer) of every parser a remote caller reaches: each ingestor (Kubernetes
 * YAML/JSON, Alertmanager, events, edges CSV, Backstage, changes, RDF, Prometheus JSON, OTLP JSON,
 * Jaeger, Loki), the incident readers (NDJSON, CSV, PagerDuty, postmortem Markdown), and the
 * explorer's Cypher and SPARQL guards. One target multiplexes them: the input's first integer picks
 * the parser, so one fuzzing run explores them all. A clean rejection (the exception types the HTTP
 * layer turns into a 4xx naming the problem) is fine; any other exception or error is a finding.
 *
 * <p>The fuzz test carries JUnit's {@code jazzer} tag, which the ordinary test run leaves out (Jazzer's
 * instrumentation costs a minute); {@code .ci/fuzz SECONDS} fuzzes it ({@code .ci/run} for 60 s) and
 * prints executions and findings.
 */
class RemoteParsersFuzzTest {

    /** One parser: a name for messages and what it does with the bytes. */
    record Target(String name, Consumer<byte[]> parse) {
    }

    static final List<Target> TARGETS = targets();

    private static List<Target> targets() {
        var out = new ArrayList<Target>();
        var ingestors = new ArrayList<Ingestor>(TelemetryIngestor.all(new TelemetryAnalyzer(), TelemetryEntities.Graph.NONE));
        ingestors.addAll(StandardIngestors.all());
        for (Ingestor ingestor : ingestors) {
            String name = "fuzz" + suffixOf(ingestor.format());
            out.add(new Target(ingestor.format(), bytes -> {
                try {
                    ingestor.ingest(new IngestInput(name, bytes, Instant.EPOCH), new GraphWriter());
                } catch (MalformedInputException | IllegalArgumentException e) {
                    requireMessage(e, bytes);
                }
            }));
        }
        out.add(incidents("incidents-ndjson", b -> new NdjsonIncidentReader("fuzz.ndjson", new ByteArrayInputStream(b))));
        out.add(incidents("incidents-csv", b -> new CsvIncidentReader("fuzz.csv", new ByteArrayInputStream(b), null)));
        out.add(incidents("incidents-pagerduty", b -> new PagerDutyIncidentReader("fuzz.json", new ByteArrayInputStream(b))));
        out.add(incidents("incidents-postmortem", b -> new PostmortemIncidentReader("fuzz.md", new ByteArrayInputStream(b))));
        out.add(new Target("cypher-guard", b -> ExplorerFuzzTargets.cypherGuard(new String(b, StandardCharsets.UTF_8))));
        out.add(new Target("sparql-guard", b -> ExplorerFuzzTargets.sparqlGuard(new String(b, StandardCharsets.UTF_8))));
        out.add(new Target("regex-guard", b -> ExplorerFuzzTargets.regexGuard(new String(b, StandardCharsets.UTF_8))));
        return List.copyOf(out);
    }

    private static String suffixOf(String format) {
        return switch (format) {
            case "prometheus" -> ".prom.json";
            case "otlp-traces" -> ".otlp-traces.json";
            case "otlp-logs" -> ".otlp-logs.json";
            case "openmetrics" -> ".om.txt";
            case "jaeger" -> ".jaeger.json";
            case "loki" -> ".loki.json";
            case "edges" -> ".edges.csv";
            case "rdf" -> ".ttl";
            case "kubernetes", "catalog" -> ".yaml";
            default -> ".json";
        };
    }

    private static Target incidents(String name, java.util.function.Function<byte[], IncidentReader> open) {
        return new Target(name, bytes -> {
            try (IncidentReader reader = open.apply(bytes)) {
                while (reader.hasNext()) {
                    var parsed = reader.next();
                    if (!parsed.isOk()) {
                        String reason = parsed.rejection().reason();
                        if (reason == null || reason.isBlank() || reason.endsWith("null") && !mentionsNull(bytes)) {
                            throw new AssertionError("a rejected record without a usable reason: " + parsed.rejection());
                        }
                    }
                }
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                requireMessage(e, bytes);
            } catch (Exception e) {
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("closing the reader failed", e);
            }
        });
    }

    /**
     * A rejection must say what is wrong: an empty message, or one ending in "null" (an exception's
     * missing message pasted into ours) unless the input itself said "null", is a finding.
     */
    private static void requireMessage(Exception e, byte[] input) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.endsWith("null") && !mentionsNull(input)) {
            throw new AssertionError("a rejection without a usable message: " + e, e);
        }
    }

    /** 60 s when fuzzing unless {@code JAZZER_MAX_DURATION} says otherwise ({@code .ci/fuzz SECONDS}). */
    private static boolean mentionsNull(byte[] input) {
        return new String(input, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT).contains("null");
    }

    @FuzzTest(maxDuration = "60s")
    void everyRemoteParserRejectsBadInputCleanly(FuzzedDataProvider data) {
        Target target = TARGETS.get(data.consumeInt(0, TARGETS.size() - 1));
        target.parse().accept(data.consumeRemainingAsBytes());
    }

    /** The stored seed of each target runs as a plain test too (each parser sees an empty input). */
    @org.junit.jupiter.api.Test
    void everyTargetHandlesAnEmptyInput() {
        TARGETS.forEach(t -> t.parse().accept(new byte[0]));
        org.assertj.core.api.Assertions.assertThat(TARGETS).extracting(Target::name)
                .contains("kubernetes", "alertmanager", "rdf", "prometheus", "otlp-traces", "cypher-guard", "sparql-guard");
    }
}
