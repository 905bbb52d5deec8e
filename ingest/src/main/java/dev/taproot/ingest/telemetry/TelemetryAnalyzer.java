package dev.taproot.ingest.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.DetectionContext;
import dev.taproot.ingest.detect.Evidence;
import dev.taproot.ingest.detect.SignalDetector;
import dev.taproot.ingest.detect.SignalDetectors;
import dev.taproot.ingest.detect.TelemetryConfig;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.logs.LogSet;
import dev.taproot.ingest.logs.LokiParser;
import dev.taproot.ingest.logs.OtlpLogParser;
import dev.taproot.ingest.logs.PlainLogParser;
import dev.taproot.ingest.metrics.MetricSet;
import dev.taproot.ingest.metrics.OpenMetricsParser;
import dev.taproot.ingest.metrics.PrometheusMatrixParser;
import dev.taproot.ingest.traces.JaegerParser;
import dev.taproot.ingest.traces.OtlpTraceParser;
import dev.taproot.ingest.traces.Span;
import dev.taproot.ingest.traces.SpanSet;

/**
 * Turns telemetry (metrics, traces, logs) into anomaly signals: reads the window inputs and the baseline
 * inputs, runs each registered {@link SignalDetector} over them (one per kind of evidence) and writes the signals, the entities they need and
 * (for traces) the CALLS relationships into a {@link GraphWriter}. Nothing reaches the store until the
 * caller writes the batch. See the package documentation for the baseline rule.
 */
public final class TelemetryAnalyzer {

    private final TelemetryConfig config;
    private final List<SignalDetector> detectors;
    private final PrometheusMatrixParser prometheus = new PrometheusMatrixParser();
    private final OpenMetricsParser openMetrics = new OpenMetricsParser();
    private final OtlpTraceParser otlpTraces = new OtlpTraceParser();
    private final JaegerParser jaeger = new JaegerParser();
    private final OtlpLogParser otlpLogs = new OtlpLogParser();
    private final LokiParser loki = new LokiParser();
    private final PlainLogParser plainLogs = new PlainLogParser();

    public TelemetryAnalyzer(TelemetryConfig config) {
        this(config, SignalDetectors.standard(config));
    }

    /** An analyzer running these detectors, in this order, over every request. */
    public TelemetryAnalyzer(TelemetryConfig config, List<SignalDetector> detectors) {
        this.config = config;
        this.detectors = List.copyOf(detectors);
    }

    public TelemetryAnalyzer() {
        this(TelemetryConfig.DEFAULTS);
    }

    public TelemetryConfig config() {
        return config;
    }

    /** Whether this analyzer reads an input (by name suffix or content). */
    public static boolean reads(IngestInput input) {
        return TelemetryFormat.detect(input).isPresent();
    }

    /**
     * Analyses a request, resolving entities through {@code graph} ({@link TelemetryEntities.Graph#of}
     * over the store, or {@link TelemetryEntities.Graph#NONE}).
     *
     * @throws MalformedInputException naming the first input that cannot be read at all; nothing is written
     */
    public TelemetryReport analyze(TelemetryRequest request, TelemetryEntities.Graph graph, GraphWriter writer)
            throws MalformedInputException {
        var report = new TelemetryReport.Builder();
        var window = new Parsed();
        var baseline = new Parsed();
        for (IngestInput in : request.signals()) {
            read(in, window, report);
        }
        for (IngestInput in : request.baseline()) {
            read(in, baseline, report);
        }
        detect(window.evidence(), baseline.evidence(), request.window(), graph, writer, report);
        return report.build();
    }

    /**
     * Runs the detectors over telemetry already parsed (a live fetch reads its backends' APIs into
     * spans, log records and metric sets), exactly as over parsed input files.
     *
     * @param window   telemetry recorded around the analysis window (it may start before it: the part
     *                 before the window start serves as baseline)
     * @param baseline telemetry of a fault-free period, or empty evidence
     */
    public TelemetryReport analyze(Evidence window, Evidence baseline, AnalysisWindow analysisWindow,
                                   TelemetryEntities.Graph graph, GraphWriter writer) {
        var report = new TelemetryReport.Builder();
        detect(window, baseline, analysisWindow, graph, writer, report);
        return report.build();
    }

    private void detect(Evidence now, Evidence before, AnalysisWindow analysisWindow, TelemetryEntities.Graph graph,
                        GraphWriter writer, TelemetryReport.Builder report) {
        var entities = new TelemetryEntities(graph, config.nodeMetricPrefixes());
        var staged = new GraphWriter();
        var context = new DetectionContext(analysisWindow, entities, staged, report);
        for (SignalDetector detector : detectors) {
            detector.detect(now, before, context);
        }
        entities.created().forEach(writer::entity);
        var batch = staged.batch();
        batch.entities().forEach(writer::entity);
        batch.relationships().forEach(writer::relationship);
        batch.signals().forEach(writer::signal);
    }

    /** Parsed inputs of one side (window or baseline). */
    private static final class Parsed {
        final List<MetricSet> metrics = new ArrayList<>();
        final List<Span> spans = new ArrayList<>();
        final List<LogRecord> logs = new ArrayList<>();

        Evidence evidence() {
            return new Evidence(metrics, spans, logs);
        }
    }

    private void read(IngestInput in, Parsed into, TelemetryReport.Builder report) throws MalformedInputException {
        Optional<TelemetryFormat> format = TelemetryFormat.detect(in);
        if (format.isEmpty()) {
            report.count("inputs.skipped", 1);
            return;
        }
        var result = new IngestResult.Builder(format.get().name().toLowerCase(java.util.Locale.ROOT), in.name());
        switch (format.get()) {
            case PROMETHEUS, OPENMETRICS -> {
                MetricSet set = format.get() == TelemetryFormat.PROMETHEUS ? prometheus.parse(in) : openMetrics.parse(in);
                into.metrics.add(set);
                result.accept("series", set.series().size());
                result.accept("samples", set.series().stream().mapToInt(s -> s.series().size()).sum());
                set.rejected().forEach(r -> result.reject(r.location(), r.reason()));
                count(report, set.quality());
            }
            case OTLP_TRACES, JAEGER -> {
                SpanSet set = format.get() == TelemetryFormat.JAEGER ? jaeger.parse(in) : otlpTraces.parse(in);
                into.spans.addAll(set.spans());
                result.accept("spans", set.spans().size());
                set.rejected().forEach(r -> result.reject(r.location(), r.reason()));
            }
            case OTLP_LOGS, LOKI, PLAIN_LOG -> {
                LogSet set = switch (format.get()) {
                    case OTLP_LOGS -> otlpLogs.parse(in);
                    case LOKI -> loki.parse(in);
                    default -> plainLogs.parse(in);
                };
                into.logs.addAll(set.records());
                result.accept("lines", set.records().size());
                set.rejected().forEach(r -> result.reject(r.location(), r.reason()));
            }
            default -> report.count("inputs.unsupported", 1);
        }
        report.input(result.build());
    }

    private static void count(TelemetryReport.Builder report, dev.taproot.ingest.anomaly.SampleQuality q) {
        report.count("samples.nonNumeric", q.nonNumeric);
        report.count("samples.nonFinite", q.nonFinite);
        report.count("samples.outOfOrder", q.outOfOrder);
        report.count("samples.duplicates", q.duplicates);
        report.count("samples.gaps", q.gaps);
    }
}
