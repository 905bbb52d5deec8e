package dev.taproot.ingest.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.traces.BucketedSeries;
import dev.taproot.ingest.traces.CallObservations;
import dev.taproot.ingest.traces.CallObservations.Edge;
import dev.taproot.ingest.traces.CallObservations.Observation;
import dev.taproot.ingest.traces.Span;

/**
 * Spans to CALLS relationships (requests, errors, latency p50/p99), per-service and per-edge
 * latency, error-ratio and traffic anomalies (scored like metric series, on
 * {@link TelemetryConfig#traceBucket()} buckets), and {@code ErrorSpan} signals for failures that the
 * baseline does not explain.
 */
public final class TraceDetector implements SignalDetector {

    /** Error ratios are measured with a spread floor of 10% of this level (5 percentage points). */
    static final double ERROR_RATIO_LEVEL = 0.5;

    private final TelemetryConfig config;
    private final TelemetryEntities entities;
    private final SeriesScorer scorer;
    private final boolean edgesOnly;

    /** A detector with these settings; it resolves entities through each analysis' context. */
    public TraceDetector(TelemetryConfig config) {
        this(config, null, false);
    }

    /**
     * A detector that writes only the CALLS edges (and the entities at their ends) and scores nothing: for
     * pushed traces, which are scored against the baseline kept across requests instead.
     */
    public static TraceDetector edgesOnly(TelemetryConfig config) {
        return new TraceDetector(config, null, true);
    }

    @Override
    public String evidence() {
        return "traces";
    }

    @Override
    public void detect(Evidence window, Evidence baseline, DetectionContext context) {
        new TraceDetector(config, context.entities(), edgesOnly).analyze(window.spans(), baseline.spans(), context.window(),
                context.out(), context.report());
    }

    private TraceDetector(TelemetryConfig config, TelemetryEntities entities, boolean edgesOnly) {
        this.config = config;
        this.entities = entities;
        this.scorer = new SeriesScorer(config);
        this.edgesOnly = edgesOnly;
    }

    void analyze(List<Span> window, List<Span> baseline, AnalysisWindow w, GraphWriter out,
                 TelemetryReport.Builder report) {
        if (window.isEmpty()) {
            return;
        }
        report.count("spans", window.size());
        CallObservations now = CallObservations.of(window);
        CallObservations before = CallObservations.of(baseline);
        report.count("spans.orphans", now.orphans());
        long width = config.traceBucket().toMillis();
        Map<String, String> keys = new LinkedHashMap<>();
        Function<String, String> keyOf = svc -> keys.computeIfAbsent(svc, s -> resolve(s, now.podOf(s), report));

        writeCalls(now, before, keyOf, out, report);
        if (edgesOnly) {
            now.services().keySet().forEach(keyOf::apply); // every service pushed is in the graph, edges or not
            return;
        }

        List<SeriesScorer.Split> latencyBaselines = new ArrayList<>();
        Map<String, BucketedSeries> nowSeries = new LinkedHashMap<>();
        now.services().forEach((svc, obs) -> nowSeries.put(svc, BucketedSeries.of(obs, width)));
        Map<String, BucketedSeries> beforeSeries = new LinkedHashMap<>();
        before.services().forEach((svc, obs) -> beforeSeries.put(svc, BucketedSeries.of(obs, width)));
        nowSeries.forEach((svc, s) -> {
            BucketedSeries b = beforeSeries.get(svc);
            latencyBaselines.add(scorer.split(s.latencyMs(), b == null ? null : b.latencyMs(), w));
        });
        double typicalLatency = SeriesScorer.typicalLevel(latencyBaselines);
        nowSeries.forEach((svc, s) -> scoreAll(svc, null, s, beforeSeries.get(svc), typicalLatency, w, keyOf, out, report));
        now.edges().forEach((edge, obs) -> {
            List<Observation> b = before.edges().get(edge);
            scoreAll(edge.caller(), edge.callee(), BucketedSeries.of(obs, width),
                    b == null ? null : BucketedSeries.of(b, width), typicalLatency, w, keyOf, out, report);
        });
        new ErrorSpans(config, scorer).write(window, baseline, w, keyOf, out, report);
        new CallGaps(config).write(window, baseline, w, keyOf, out, report);
    }

    private String resolve(String service, String pod, TelemetryReport.Builder report) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("service.name", service);
        if (pod != null) {
            labels.put("k8s.pod.name", pod);
        }
        Optional<TelemetryEntities.Resolution> r = entities.resolve(labels, "trace");
        if (r.isEmpty()) {
            report.unresolved("trace service " + service);
            return dev.taproot.graph.model.EntityKeys.service(service);
        }
        return r.get().entityKey();
    }

    private void writeCalls(CallObservations now, CallObservations before, Function<String, String> keyOf,
                            GraphWriter out, TelemetryReport.Builder report) {
        var all = new LinkedHashSet<Edge>(now.edges().keySet());
        all.addAll(before.edges().keySet());
        for (Edge e : all) {
            List<Observation> obs = now.edges().getOrDefault(e, before.edges().get(e));
            long errors = obs.stream().filter(Observation::error).count();
            long first = obs.stream().mapToLong(Observation::timeMillis).min().orElse(0);
            var props = new LinkedHashMap<String, Object>();
            props.put("requests", obs.size());
            props.put("errors", errors);
            props.put("errorRate", AnomalySignals.round(errors / (double) obs.size()));
            props.put("latencyP50Ms", AnomalySignals.round(BucketedSeries.quantile(obs, 0.5)));
            props.put("latencyP99Ms", AnomalySignals.round(BucketedSeries.quantile(obs, 0.99)));
            props.put("source", "traces");
            out.relationship(new Relationship(RelationshipTypes.CALLS, keyOf.apply(e.caller()), keyOf.apply(e.callee()),
                    props, Instant.ofEpochMilli(first), null));
            report.count("calls", 1);
        }
    }

    private void scoreAll(String service, String peer, BucketedSeries now, BucketedSeries before, double typicalLatency,
                          AnalysisWindow w, Function<String, String> keyOf, GraphWriter out, TelemetryReport.Builder report) {
        score(service, peer, "trace_latency_ms", "LatencyAnomaly", true, now.latencyMs(),
                before == null ? null : before.latencyMs(), typicalLatency, w, keyOf, out, report);
        score(service, peer, "trace_error_ratio", "ErrorRateAnomaly", true, now.errorRatio(),
                before == null ? null : before.errorRatio(), ERROR_RATIO_LEVEL, w, keyOf, out, report);
        score(service, peer, "trace_requests", "TrafficAnomaly", false, now.requests(),
                before == null ? null : before.requests(), 0, w, keyOf, out, report);
    }

    private void score(String service, String peer, String metric, String type, boolean onlyUp, TimeSeries now,
                       TimeSeries before, double level, AnalysisWindow w, Function<String, String> keyOf,
                       GraphWriter out, TelemetryReport.Builder report) {
        report.count("series.scored", 1);
        Optional<SeriesScorer.Scored> scored = scorer.score(scorer.split(now, before, w), level);
        if (scored.isEmpty()) {
            return;
        }
        if (scored.get().nothingNew()) {
            report.count("anomalies.ongoing", 1);
            return;
        }
        var a = scored.get().anomaly();
        boolean adverse = !onlyUp || a.direction() == dev.taproot.ingest.anomaly.Direction.UP;
        if (!adverse && !config.emitHarmless()) {
            report.count("anomalies.harmless", 1);
            return;
        }
        String t = adverse ? type : "MetricAnomaly";
        var extra = new LinkedHashMap<String, Object>();
        extra.put("peer", peer == null ? null : keyOf.apply(peer));
        extra.put("family", type);
        extra.put("adverse", adverse);
        String identity = metric + (peer == null ? "" : "->" + peer);
        var sig = AnomalySignals.of(t, keyOf.apply(service), metric, a, identity, "traces", extra);
        out.signal(sig);
        report.signal(sig.type());
    }
}
