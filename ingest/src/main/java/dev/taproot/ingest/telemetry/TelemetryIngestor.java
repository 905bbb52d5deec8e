package dev.taproot.ingest.telemetry;

import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import java.util.Map;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;

/**
 * The {@link Ingestor} face of one telemetry format: a lone input, analysed against itself (no window
 * known, no baseline input: the first part of each series is its baseline, see {@link SeriesScorer}).
 * For a window with a baseline, call {@link TelemetryAnalyzer} directly.
 */
public class TelemetryIngestor implements Ingestor {

    private final TelemetryFormat format;
    private final TelemetryAnalyzer analyzer;
    private final TelemetryEntities.Graph graph;

    /**
     * @param graph where names are resolved ({@link TelemetryEntities.Graph#of(dev.taproot.graph.store.TopologyReads)}),
     *              or {@link TelemetryEntities.Graph#NONE}
     */
    public TelemetryIngestor(TelemetryFormat format, TelemetryAnalyzer analyzer, TelemetryEntities.Graph graph) {
        this.format = format;
        this.analyzer = analyzer;
        this.graph = graph;
    }

    @Override
    public String format() {
        return format.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public boolean accepts(IngestInput input) {
        return TelemetryFormat.detect(input).filter(f -> f == format).isPresent();
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        TelemetryReport report = analyzer.analyze(TelemetryRequest.of(input), graph, writer);
        var result = new IngestResult.Builder(format(), input.name());
        report.inputs().forEach(r -> {
            r.accepted().forEach((k, n) -> result.accept(k, n));
            r.rejected().forEach(rej -> result.reject(rej.location(), rej.reason()));
        });
        report.signals().forEach((type, n) -> result.accept(type, n));
        if (report.count("calls") > 0) {
            result.accept("calls", report.count("calls"));
        }
        for (Map.Entry<String, Integer> c : report.counts().entrySet()) {
            if (c.getKey().startsWith("series.unresolved")) {
                result.reject("series", c.getValue() + " series resolved to no entity, e.g. "
                        + report.unresolved().stream().limit(3).toList());
            }
        }
        return result.build();
    }

    /** One ingestor per telemetry format, over the same analyzer and graph. */
    public static java.util.List<Ingestor> all(TelemetryAnalyzer analyzer, TelemetryEntities.Graph graph) {
        return java.util.Arrays.stream(TelemetryFormat.values())
                .<Ingestor>map(f -> new TelemetryIngestor(f, analyzer, graph)).toList();
    }
}
