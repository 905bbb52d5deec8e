package dev.taproot.api.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestRegistry;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.rules.eval.CaseSpec;

/**
 * Loads one case into a (temporary, cleared) store through the ingest registry: {@code topology/}
 * first, then {@code baseline/} and {@code signals/}, each file with the ingestor that reads it.
 * Files no ingestor reads are reported in the load's notes, never fatal.
 */
public final class CaseLoader {

    private final IngestRegistry registry;

    public CaseLoader(IngestRegistry registry) {
        this.registry = registry;
    }

    /** What loading one case did. */
    public record Loaded(int records, int rejected, List<String> notes) {
    }

    /** Ingests the case's files into {@code store}, one transaction per file. */
    public Loaded load(CaseSpec spec, GraphStore store) {
        int records = 0;
        int rejected = 0;
        var notes = new ArrayList<String>();
        for (String part : List.of("topology", "baseline", "signals")) {
            for (Path file : files(spec.dir().resolve(part))) {
                IngestInput input = IngestInput.of(file, spec.windowStart());
                Ingestor ingestor = registry.detect(input).orElse(null);
                if (ingestor == null) {
                    notes.add(part + "/" + file.getFileName() + ": no ingestor reads it");
                    continue;
                }
                try {
                    IngestReport report = new IngestService(store, registry).ingest(input, ingestor, false);
                    records += report.entities() + report.relationships() + report.signals();
                    rejected += report.rejected().size();
                } catch (MalformedInputException | RuntimeException e) {
                    notes.add(part + "/" + file.getFileName() + ": " + e.getMessage());
                }
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
            throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
