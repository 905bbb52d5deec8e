package dev.taproot.ingest.baseline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.anomaly.Direction;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.AnomalySignals;
import dev.taproot.ingest.detect.Evidence;
import dev.taproot.ingest.detect.SeriesScorer;
import dev.taproot.ingest.detect.TelemetryConfig;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.detect.TraceDetector;
import dev.taproot.ingest.logs.Drain;
import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.logs.LogSet;
import dev.taproot.ingest.logs.OtlpLogParser;
import dev.taproot.ingest.logs.LogTemplate;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.telemetry.TelemetryFormat;
import dev.taproot.ingest.traces.OtlpTraceParser;
import dev.taproot.ingest.traces.SpanSet;
import dev.taproot.ingest.traces.BucketedSeries;
import dev.taproot.ingest.traces.CallObservations;
import dev.taproot.ingest.traces.Span;

/**
 * Pushed telemetry (OTLP traces and logs arriving in requests of their own) compared with the
 * {@link PushBaselineStore}, never with the push itself: each service's and call edge's requests, error
 * ratio and median latency per bucket ({@link TelemetryConfig#traceBucket()}) are scored by the
 * {@link SeriesScorer} of the case replay against the same series' stored buckets, and each log template's
 * lines against its stored rate; then the push's buckets join the store. A series the store does not
 * know yet yields no signal (counted as {@code baseline.missing}): its first pushes only teach the
 * baseline. The push's CALLS edges and entities come from the replay's {@link TraceDetector}, as for
 * every other trace input. Signals carry the shapes of the replay's trace and log signals
 * ({@code trace_latency_ms}, {@code ErrorLogSpike}, ...), with {@code baselineSource=pushed}.
 */
public final class PushedTelemetry {

    /** Buckets a series needs in the store before it is scored. */
    public static final int MIN_BASELINE_BUCKETS = 4;

    private final TelemetryConfig config;
    private final PushBaselineStore store;
    private final SeriesScorer scorer;
    private final TelemetryAnalyzer calls;

    public PushedTelemetry(TelemetryConfig config, PushBaselineStore store) {
        this.config = config;
        this.store = store;
        this.scorer = new SeriesScorer(config);
        this.calls = new TelemetryAnalyzer(config, List.of(TraceDetector.edgesOnly(config)));
    }

    /** The store pushes are compared with. */
    public PushBaselineStore store() {
        return store;
    }

    /**
     * Compares one push with the stored baseline, writes its signals, entities and CALLS edges into
     * {@code out}, and adds its buckets to the store (saved when due).
     */
    public TelemetryReport analyze(Evidence push, TelemetryEntities.Graph graph, GraphWriter out) {
        var report = new TelemetryReport.Builder();
        analyze(push, graph, out, report);
        return report.build();
    }

    /**
     * Reads one pushed OTLP/JSON body (traces, {@code *.otlp-traces.json}, or logs, {@code *.otlp-logs.json})
     * and {@link #analyze(Evidence, TelemetryEntities.Graph, GraphWriter) analyses} it; rejected records are in
     * the report's inputs.
     *
     * @throws MalformedInputException when the body cannot be read at all; nothing is written or learnt
     */
    public TelemetryReport analyze(IngestInput input, TelemetryEntities.Graph graph, GraphWriter out)
            throws MalformedInputException {
        var report = new TelemetryReport.Builder();
        TelemetryFormat format = TelemetryFormat.detect(input).orElse(null);
        Evidence push;
        if (format == TelemetryFormat.OTLP_TRACES) {
            SpanSet set = new OtlpTraceParser().parse(input);
            var result = new IngestResult.Builder("otlp_traces", input.name()).accept("spans", set.spans().size());
            set.rejected().forEach(r -> result.reject(r.location(), r.reason()));
            report.input(result.build());
            push = new Evidence(List.of(), set.spans(), List.of());
        } else if (format == TelemetryFormat.OTLP_LOGS) {
            LogSet set = new OtlpLogParser().parse(input);
            var result = new IngestResult.Builder("otlp_logs", input.name()).accept("lines", set.records().size());
            set.rejected().forEach(r -> result.reject(r.location(), r.reason()));
            report.input(result.build());
            push = new Evidence(List.of(), List.of(), set.records());
        } else {
            throw new MalformedInputException(input.name(), "name", "not an OTLP/JSON traces or logs body");
        }
        analyze(push, graph, out, report);
        return report.build();
    }

    private void analyze(Evidence push, TelemetryEntities.Graph graph, GraphWriter out, TelemetryReport.Builder report) {
        long width = config.traceBucket().toMillis();
        var entities = new TelemetryEntities(graph, config.nodeMetricPrefixes());
        if (!push.spans().isEmpty()) {
            long from = push.spans().stream().mapToLong(Span::startMillis).min().orElse(0);
            long to = push.spans().stream().mapToLong(Span::startMillis).max().orElse(0);
            var window = new AnalysisWindow(Instant.ofEpochMilli(Math.floorDiv(from, width) * width), Instant.ofEpochMilli(to));
            // the replay's trace detector for the edges and entities only: its scores would have no baseline here
            var staged = new GraphWriter();
            TelemetryReport edges = calls.analyze(new Evidence(List.of(), push.spans(), List.of()),
                    new Evidence(List.of(), List.of(), List.of()), window, graph, staged);
            staged.batch().entities().forEach(out::entity);
            staged.batch().relationships().forEach(out::relationship);
            report.count("calls", edges.count("calls"));
            report.count("spans", push.spans().size());
            traces(push.spans(), window, width, entities, out, report);
        }
        if (!push.logs().isEmpty()) {
            logs(push.logs(), width, entities, out, report);
        }
        entities.created().forEach(out::entity);
        store.saveIfDue();
    }

    private void traces(List<Span> spans, AnalysisWindow window, long width, TelemetryEntities entities, GraphWriter out,
                        TelemetryReport.Builder report) {
        CallObservations now = CallObservations.of(spans);
        Map<String, String> keys = new LinkedHashMap<>();
        Function<String, String> keyOf = svc -> keys.computeIfAbsent(svc, s -> resolve(s, now.podOf(s), entities, report));
        Map<String, BucketedSeries> series = new LinkedHashMap<>();
        Map<String, String[]> ends = new LinkedHashMap<>();
        now.services().forEach((svc, obs) -> {
            series.put("trace|" + svc, BucketedSeries.of(obs, width));
            ends.put("trace|" + svc, new String[] {svc, null});
        });
        now.edges().forEach((edge, obs) -> {
            series.put("edge|" + edge.caller() + "|" + edge.callee(), BucketedSeries.of(obs, width));
            ends.put("edge|" + edge.caller() + "|" + edge.callee(), new String[] {edge.caller(), edge.callee()});
        });
        var latencyBaselines = new ArrayList<SeriesScorer.Split>();
        Map<String, List<PushBaselineStore.Bucket>> stored = new LinkedHashMap<>();
        series.forEach((key, s) -> {
            List<PushBaselineStore.Bucket> b = store.buckets(key);
            stored.put(key, b);
            if (b.size() >= MIN_BASELINE_BUCKETS) {
                latencyBaselines.add(scorer.split(s.latencyMs(), latency(b), window));
            }
        });
        double typicalLatency = SeriesScorer.typicalLevel(latencyBaselines);
        series.forEach((key, s) -> {
            List<PushBaselineStore.Bucket> b = stored.get(key);
            String service = ends.get(key)[0];
            String peer = ends.get(key)[1];
            if (b.size() < MIN_BASELINE_BUCKETS) {
                report.count("baseline.missing", 1);
            } else {
                report.count("baseline.pushed", 1);
                score(service, peer, "trace_latency_ms", "LatencyAnomaly", true, s.latencyMs(), latency(b), typicalLatency,
                        window, keyOf, out, report);
                score(service, peer, "trace_error_ratio", "ErrorRateAnomaly", true, s.errorRatio(), errorRatio(b), 0.5,
                        window, keyOf, out, report);
                score(service, peer, "trace_requests", "TrafficAnomaly", false, s.requests(), requests(b), 0, window,
                        keyOf, out, report);
            }
            remember(key, s);
        });
    }

    private void remember(String key, BucketedSeries s) {
        TimeSeries requests = s.requests();
        Map<Long, Double> ratio = index(s.errorRatio());
        Map<Long, Double> latency = index(s.latencyMs());
        for (int i = 0; i < requests.size(); i++) {
            long t = requests.times()[i];
            store.add(key, new PushBaselineStore.Bucket(t, requests.values()[i], ratio.getOrDefault(t, 0.0),
                    latency.getOrDefault(t, Double.NaN)));
        }
    }

    private static Map<Long, Double> index(TimeSeries s) {
        Map<Long, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < s.size(); i++) {
            m.put(s.times()[i], s.values()[i]);
        }
        return m;
    }

    private static TimeSeries requests(List<PushBaselineStore.Bucket> b) {
        return series(b, PushBaselineStore.Bucket::count, false);
    }

    private static TimeSeries errorRatio(List<PushBaselineStore.Bucket> b) {
        return series(b.stream().filter(x -> x.count() > 0).toList(), PushBaselineStore.Bucket::errorRatio, false);
    }

    private static TimeSeries latency(List<PushBaselineStore.Bucket> b) {
        return series(b, PushBaselineStore.Bucket::latencyMs, true);
    }

    private static TimeSeries series(List<PushBaselineStore.Bucket> buckets,
                                     java.util.function.ToDoubleFunction<PushBaselineStore.Bucket> value, boolean skipNaN) {
        var times = new ArrayList<Long>();
        var values = new ArrayList<Double>();
        for (PushBaselineStore.Bucket b : buckets) {
            double v = value.applyAsDouble(b);
            if (skipNaN && Double.isNaN(v)) {
                continue;
            }
            times.add(b.startMillis());
            values.add(v);
        }
        return new TimeSeries(times.stream().mapToLong(Long::longValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void score(String service, String peer, String metric, String type, boolean onlyUp, TimeSeries now,
                       TimeSeries before, double level, AnalysisWindow w, Function<String, String> keyOf, GraphWriter out,
                       TelemetryReport.Builder report) {
        report.count("series.scored", 1);
        Optional<SeriesScorer.Scored> scored = scorer.score(scorer.split(now, before, w), level);
        if (scored.isEmpty() || scored.get().nothingNew()) {
            return;
        }
        var a = scored.get().anomaly();
        boolean adverse = !onlyUp || a.direction() == Direction.UP;
        if (!adverse && !config.emitHarmless()) {
            report.count("anomalies.harmless", 1);
            return;
        }
        var extra = new LinkedHashMap<String, Object>();
        extra.put("peer", peer == null ? null : keyOf.apply(peer));
        extra.put("family", type);
        extra.put("adverse", adverse);
        extra.put("baselineSource", "pushed");
        var sig = AnomalySignals.of(adverse ? type : "MetricAnomaly", keyOf.apply(service), metric, a,
                metric + (peer == null ? "" : "->" + peer), "traces", extra);
        out.signal(sig);
        report.signal(sig.type());
    }

    private static String resolve(String service, String pod, TelemetryEntities entities, TelemetryReport.Builder report) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("service.name", service);
        if (pod != null) {
            labels.put("k8s.pod.name", pod);
        }
        return entities.resolve(labels, "trace").map(TelemetryEntities.Resolution::entityKey).orElseGet(() -> {
            report.unresolved("trace service " + service);
            return dev.taproot.graph.model.EntityKeys.service(service);
        });
    }

    /** Lines of one template, entity and error-or-not in this push. */
    private static final class Group {
        String entity;
        String pod;
        LogTemplate template;
        boolean error;
        String level;
        int count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String example;
        Map<Long, Integer> perBucket = new LinkedHashMap<>();
    }

    private void logs(List<LogRecord> records, long width, TelemetryEntities entities, GraphWriter out,
                      TelemetryReport.Builder report) {
        var sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(LogRecord::timeMillis));
        var drain = new Drain(config.logs());
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Set<Long>> entityBuckets = new LinkedHashMap<>();
        var owners = new LinkedHashMap<Map<String, String>, Optional<TelemetryEntities.Resolution>>();
        for (LogRecord r : sorted) {
            LogTemplate t = drain.add(r.body());
            Optional<TelemetryEntities.Resolution> owner = owners.computeIfAbsent(r.labels(), l -> entities.resolve(l, "log"));
            if (owner.isEmpty()) {
                report.count("logs.unresolvedLines", 1);
                continue;
            }
            boolean error = r.level() != null && config.logs().errorLevels().contains(r.level());
            String entity = owner.get().entityKey();
            Group g = groups.computeIfAbsent(entity + "|" + t.id() + "|" + error, k -> new Group());
            if (g.template == null) {
                g.entity = entity;
                g.pod = owner.get().pod();
                g.error = error;
                g.level = r.level();
                g.example = r.body().length() > 500 ? r.body().substring(0, 500) : r.body();
            }
            g.template = t;
            g.count++;
            g.first = Math.min(g.first, r.timeMillis());
            g.last = Math.max(g.last, r.timeMillis());
            long bucket = Math.floorDiv(r.timeMillis(), width) * width;
            g.perBucket.merge(bucket, 1, Integer::sum);
            entityBuckets.computeIfAbsent(entity, k -> new HashSet<>()).add(bucket);
        }
        report.count("logs.lines", records.size());
        for (Group g : groups.values()) {
            String key = "log|" + g.entity + "|" + g.error + "|" + g.template.text();
            List<PushBaselineStore.Bucket> seen = store.buckets("logs|" + g.entity);
            if (seen.size() < MIN_BASELINE_BUCKETS) {
                report.count("baseline.missing", 1);
                continue;
            }
            report.count("baseline.pushed", 1);
            List<PushBaselineStore.Bucket> before = store.buckets(key);
            double baselineCount = before.stream().mapToDouble(PushBaselineStore.Bucket::count).sum();
            long pushMillis = Math.max(width, entityBuckets.get(g.entity).size() * width);
            double expected = baselineCount * pushMillis / (double) (seen.size() * width);
            boolean explained = baselineCount > 0 && g.count <= config.logs().spikeFactor() * expected;
            boolean newTemplate = before.isEmpty();
            String type = g.error ? (g.count >= config.logs().minErrorCount() && !explained ? "ErrorLogSpike" : null)
                    : newTemplate && g.count >= config.logs().minNewTemplateCount() ? "NewLogTemplate" : null;
            if (type == null) {
                continue;
            }
            double score = Math.min(config.detector().maxScore(), (g.count - expected) / Math.sqrt(expected + 1));
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("metric", "log_lines");
            attrs.put("template", g.template.text());
            attrs.put("example", g.example);
            attrs.put("count", g.count);
            attrs.put("baselineCount", Math.round(baselineCount));
            attrs.put("score", AnomalySignals.round(score));
            attrs.put("direction", "up");
            attrs.put("baseline", AnomalySignals.round(expected));
            attrs.put("observed", g.count);
            attrs.put("level", g.level);
            attrs.put("pod", g.pod);
            attrs.put("newTemplate", newTemplate);
            attrs.put("baselineSource", "pushed");
            out.signal(new Signal("log:" + g.entity + ":" + Integer.toHexString(g.template.text().hashCode()) + ":" + g.error
                    + "@" + g.first, type, g.entity, g.error ? "error log " + g.template.text() : "log template " + g.template.text(),
                    g.error ? (score >= AnomalySignals.ERROR_SCORE ? Severity.ERROR : Severity.WARNING) : Severity.INFO,
                    Instant.ofEpochMilli(g.first), Instant.ofEpochMilli(g.last), attrs, "logs"));
            report.signal(type);
        }
        for (Group g : groups.values()) {
            String key = "log|" + g.entity + "|" + g.error + "|" + g.template.text();
            g.perBucket.forEach((t, n) -> store.add(key, new PushBaselineStore.Bucket(t, n, 0, Double.NaN)));
        }
        entityBuckets.forEach((entity, buckets) -> buckets.forEach(t ->
                store.add("logs|" + entity, new PushBaselineStore.Bucket(t, 1, 0, Double.NaN))));
    }
}
