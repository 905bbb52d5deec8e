package dev.taproot.ingest.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.anomaly.RobustStats;
import dev.taproot.ingest.traces.Span;

/**
 * The time a call spends between services: for each span whose parent was recorded by another service, the
 * parent's duration minus the child's (the caller waited that long beyond what the callee itself took:
 * network, queues, connection setup). Gaps are pooled per callee; when the window's median gap exceeds the
 * baseline's by at least one baseline spread and by {@link dev.taproot.ingest.anomaly.DetectorConfig#threshold()}
 * standard errors of a median of that many sampled calls, the callee gets a {@code NetworkAnomaly}
 * ({@code trace_call_gap_ms}). The standard error is what makes the score honest about sampling: three
 * sampled calls move it far less than three hundred.
 */
final class CallGaps {

    /** Fewest gaps on either side to judge a callee. */
    static final int MIN_GAPS = 3;
    /** The standard error of a median is about this times the spread over the square root of the count. */
    static final double MEDIAN_SE = 1.2533;
    /** The gap spread is at least this many milliseconds (clock resolution, scheduling jitter). */
    static final double MIN_SPREAD_MS = 1.0;

    private final TelemetryConfig config;

    CallGaps(TelemetryConfig config) {
        this.config = config;
    }

    private record Gap(long time, double millis, String caller) {
    }

    void write(List<Span> window, List<Span> baseline, AnalysisWindow w, Function<String, String> keyOf,
               GraphWriter out, TelemetryReport.Builder report) {
        Sides<Span> sides = Sides.split(window, baseline, w, config.detector().selfBaselineFraction(), Span::startMillis);
        Map<String, List<Gap>> now = gaps(sides.window());
        Map<String, List<Gap>> before = gaps(sides.baseline());
        for (var e : now.entrySet()) {
            List<Gap> g = e.getValue();
            List<Gap> b = before.get(e.getKey());
            if (g.size() < MIN_GAPS || b == null || b.size() < MIN_GAPS) {
                continue;
            }
            double[] base = b.stream().mapToDouble(Gap::millis).toArray();
            double[] cur = g.stream().mapToDouble(Gap::millis).toArray();
            double median = RobustStats.median(base);
            double spread = Math.max(RobustStats.mad(base, median) * RobustStats.MAD_TO_SIGMA,
                    Math.max(config.detector().relativeSpreadFloor() * Math.abs(median), MIN_SPREAD_MS));
            double observed = RobustStats.median(cur);
            double effect = (observed - median) / spread;
            double z = (observed - median) / (MEDIAN_SE * spread / Math.sqrt(cur.length));
            report.count("series.scored", 1);
            if (effect < 1 || z < config.detector().threshold()) {
                continue;
            }
            double score = Math.min(z, config.detector().maxScore());
            long onset = g.stream().filter(x -> x.millis() > median + 2 * spread).mapToLong(Gap::time).min()
                    .orElse(g.get(0).time());
            long last = g.stream().mapToLong(Gap::time).max().orElse(onset);
            String entity = keyOf.apply(e.getKey());
            var callers = new TreeMap<String, Integer>();
            g.forEach(x -> callers.merge(keyOf.apply(x.caller()), 1, Integer::sum));
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("metric", "trace_call_gap_ms");
            attrs.put("score", AnomalySignals.round(score));
            attrs.put("direction", "up");
            attrs.put("baseline", AnomalySignals.round(median));
            attrs.put("observed", AnomalySignals.round(observed));
            attrs.put("spread", AnomalySignals.round(spread));
            attrs.put("calls", cur.length);
            attrs.put("baselineCalls", base.length);
            attrs.put("callers", String.join(",", callers.keySet()));
            attrs.put("family", "NetworkAnomaly");
            attrs.put("adverse", true);
            out.signal(new Signal("callgap:" + entity + "@" + onset, "NetworkAnomaly", entity, "trace_call_gap_ms",
                    score >= AnomalySignals.ERROR_SCORE ? Severity.ERROR : Severity.WARNING, Instant.ofEpochMilli(onset),
                    Instant.ofEpochMilli(last), attrs, "traces"));
            report.signal("NetworkAnomaly");
        }
    }

    /** Gaps per callee service, in span time order. */
    private static Map<String, List<Gap>> gaps(List<Span> spans) {
        Map<String, Span> byId = new HashMap<>(spans.size() * 2);
        for (Span s : spans) {
            byId.put(s.traceId() + "/" + s.spanId(), s);
        }
        Map<String, List<Gap>> out = new TreeMap<>();
        for (Span s : spans) {
            Span parent = s.parentSpanId() == null ? null : byId.get(s.traceId() + "/" + s.parentSpanId());
            if (parent == null || parent.service().equals(s.service())) {
                continue;
            }
            double gap = parent.durationMillis() - s.durationMillis();
            if (gap >= 0) {
                out.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(new Gap(s.startMillis(), gap, parent.service()));
            }
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(Gap::time)));
        return out;
    }
}
