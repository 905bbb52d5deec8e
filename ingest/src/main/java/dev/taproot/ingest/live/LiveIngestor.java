package dev.taproot.ingest.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.Evidence;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;

/**
 * What one source fetched for one analysis, as an {@link Ingestor} so that it is stored the way every
 * input is ({@code IngestService}: one batch, entities resolved against the store): the case replay's
 * detectors run over the fetched spans, log records and metric sets, with the part before the window
 * as baseline (or, when the baseline was fetched apart, such as the same window a day earlier, that
 * answer), and write signals and CALLS relationships. The {@link #input()} names the source and
 * range; its content only identifies the batch.
 */
public final class LiveIngestor implements Ingestor {

    private final TelemetrySource source;
    private final LiveTelemetry fetched;
    private final LiveTelemetry baseline;
    private final AnalysisWindow window;
    private final TelemetryAnalyzer analyzer;
    private final TelemetryEntities.Graph graph;
    private TelemetryReport report;

    public LiveIngestor(TelemetrySource source, LiveTelemetry fetched, AnalysisWindow window, TelemetryAnalyzer analyzer,
                        TelemetryEntities.Graph graph) {
        this(source, fetched, null, window, analyzer, graph);
    }

    /**
     * @param fetched  what the source answered for the window (and the period before it, when fetched together)
     * @param baseline what it answered for a baseline fetched apart (the same window earlier), or null
     */
    public LiveIngestor(TelemetrySource source, LiveTelemetry fetched, LiveTelemetry baseline, AnalysisWindow window,
                        TelemetryAnalyzer analyzer, TelemetryEntities.Graph graph) {
        this.source = source;
        this.fetched = fetched;
        this.baseline = baseline;
        this.window = window;
        this.analyzer = analyzer;
        this.graph = graph;
    }

    /** The input to hand to {@code IngestService}: named {@code live/<kind>/<name>}, observed at the window end. */
    public IngestInput input(Instant from) {
        String id = source.endpoint().kind() + " " + source.endpoint().name() + " " + from + " " + window.start() + " "
                + window.end() + " " + fetched.summary() + (baseline == null ? "" : " baseline " + baseline.summary());
        return new IngestInput("live/" + source.endpoint().kind() + "/" + source.endpoint().name(),
                id.getBytes(StandardCharsets.UTF_8), window.end());
    }

    @Override
    public String format() {
        return "live-" + source.endpoint().kind();
    }

    @Override
    public boolean accepts(IngestInput input) {
        return input.name().equals("live/" + source.endpoint().kind() + "/" + source.endpoint().name());
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) {
        report = analyzer.analyze(new Evidence(fetched.metrics(), fetched.spans(), fetched.logs()),
                baseline == null ? new Evidence(List.of(), List.of(), List.of())
                        : new Evidence(baseline.metrics(), baseline.spans(), baseline.logs()), window, graph, writer);
        var result = new IngestResult.Builder(format(), input.name());
        report.signals().forEach(result::accept);
        if (report.count("calls") > 0) {
            result.accept("calls", report.count("calls"));
        }
        return result.build();
    }

    /** What the detectors did, once {@link #ingest} ran. */
    public TelemetryReport report() {
        return report;
    }
}
