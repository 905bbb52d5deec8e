package dev.taproot.api.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestRegistry;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryRequest;
import dev.taproot.rules.eval.CaseSpec;

/**
 * Loads one case into a (temporary, cleared) store as Taproot would live: {@code topology/} first
 * through the ingest registry; then the telemetry of {@code signals/} analysed against the same
 * formats in {@code baseline/} for the case's window (anomaly signals); then every other signal file
 * (alerts, events) through the registry. Files nothing reads are noted, never fatal.
 */
public final class CaseLoader {

    private final IngestRegistry registry;
    private final TelemetryAnalyzer telemetry;

    public CaseLoader(IngestRegistry registry, TelemetryAnalyzer telemetry) {
        this.registry = registry;
        this.telemetry = telemetry;
    }

    /**
     * What loading one case did.
     *
     * @param fetched what a live source answered, one line per source (empty when everything came from files)
     */
    public record Loaded(int records, int rejected, List<String> notes, List<String> fetched) {

        public Loaded(int records, int rejected, List<String> notes) {
            this(records, rejected, notes, List.of());
        }
    }

    /** Ingests the case's files into {@code store}, one transaction per input. */
    public Loaded load(CaseSpec spec, GraphStore store) {
        return load(spec, store, true);
    }

    /**
     * As {@link #load(CaseSpec, GraphStore)}; without {@code recordedMetrics} the case's {@code *.prom.json}
     * files are left out, for a replay that asks a Prometheus holding them instead.
     */
    public Loaded load(CaseSpec spec, GraphStore store, boolean recordedMetrics) {
        int records = 0;
        int rejected = 0;
        var notes = new ArrayList<String>();
        var service = new IngestService(store, registry);
        for (Path file : files(spec.dir().resolve("topology"))) {
            IngestInput input = IngestInput.of(file, spec.windowStart());
            Ingestor ingestor = registry.detect(input).orElse(null);
            if (ingestor == null) {
                notes.add("topology/" + file.getFileName() + ": no ingestor reads it");
                continue;
            }
            try {
                IngestReport report = service.ingest(input, ingestor, false);
                records += report.entities() + report.relationships() + report.signals();
                rejected += report.rejected().size();
            } catch (MalformedInputException | RuntimeException e) {
                notes.add("topology/" + file.getFileName() + ": " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        var windowInputs = new ArrayList<IngestInput>();
        var baselineInputs = new ArrayList<IngestInput>();
        var others = new ArrayList<IngestInput>();
        for (Path file : files(spec.dir().resolve("signals"))) {
            if (!recordedMetrics && CaseMetrics.recorded(file)) {
                continue;
            }
            IngestInput input = IngestInput.of(file, spec.windowStart());
            (TelemetryAnalyzer.reads(input) ? windowInputs : others).add(input);
        }
        for (Path file : files(spec.dir().resolve("baseline"))) {
            if (!recordedMetrics && CaseMetrics.recorded(file)) {
                continue;
            }
            IngestInput input = IngestInput.of(file, spec.windowStart());
            if (TelemetryAnalyzer.reads(input)) {
                baselineInputs.add(input);
            }
        }
        if (!windowInputs.isEmpty()) {
            try {
                var writer = new GraphWriter();
                telemetry.analyze(new TelemetryRequest(windowInputs, baselineInputs,
                        new AnalysisWindow(spec.windowStart(), spec.windowEnd())), TelemetryEntities.Graph.of(store), writer);
                store.write(writer.batch());
                records += writer.batch().size();
            } catch (MalformedInputException | RuntimeException e) {
                notes.add("signals (telemetry): " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        for (IngestInput input : others) {
            Ingestor ingestor = registry.detect(input).orElse(null);
            if (ingestor == null) {
                notes.add("signals/" + input.fileName() + ": no ingestor reads it");
                continue;
            }
            try {
                IngestReport report = service.ingest(input, ingestor, false);
                records += report.signals();
                rejected += report.rejected().size();
            } catch (MalformedInputException | RuntimeException e) {
                notes.add("signals/" + input.fileName() + ": " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        return new Loaded(records, rejected, notes);
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }
}
