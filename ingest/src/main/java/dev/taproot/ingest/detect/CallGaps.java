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
 * ({@code trace_call_gap_ms}). The window's gap is its lower median (at least half the sampled calls waited that
 * long), so of two sampled calls both must have waited. The standard error is what makes the score honest about sampling: two
 * sampled calls move it far less than three hundred.
 * <p>
 * A callee with too few sampled calls in the baseline is compared with every call's gap in the baseline
 * ({@code baselineScope=all calls}): a gap is the hop's own overhead (network, connection, framework), about
 * the same on every in-cluster call, so the system's typical hop is the fair expectation for one never seen.
 * A delay on one service's network slows its calls both ways: the calls it receives and the calls it makes.
 * So a callee whose long gaps all come from callers that themselves receive calls with long gaps is that
 * caller's delay seen from its outbound side; its signal is marked {@code explainedBy} the caller, a
 * consequence rather than a fault.
 */
final class CallGaps {

    /** Fewest window gaps to judge a callee: one sampled call may be a pause; two agreeing are a pattern. */
    static final int MIN_GAPS = 2;
    /** Fewest baseline gaps for a callee's own baseline; below it the baseline of every call is used. */
    static final int MIN_BASELINE_GAPS = 3;
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

    /** A callee whose calls waited longer than the baseline: the numbers its signal carries. */
    private record Slow(String callee, List<Gap> gaps, double median, double spread, double observed, double z,
                        boolean ownBaseline, int baselineCalls) {

        /** The callers of the gaps that stand out (beyond two baseline spreads). */
        java.util.SortedSet<String> slowCallers() {
            var out = new java.util.TreeSet<String>();
            gaps.stream().filter(g -> g.millis() > median + 2 * spread).forEach(g -> out.add(g.caller()));
            return out;
        }
    }

    void write(List<Span> window, List<Span> baseline, AnalysisWindow w, Function<String, String> keyOf,
               GraphWriter out, TelemetryReport.Builder report) {
        Sides<Span> sides = Sides.split(window, baseline, w, config.detector().selfBaselineFraction(), Span::startMillis);
        Map<String, List<Gap>> now = gaps(sides.window());
        Map<String, List<Gap>> before = gaps(sides.baseline());
        double[] everyCall = before.values().stream().flatMap(List::stream).mapToDouble(Gap::millis).toArray();
        var slow = new LinkedHashMap<String, Slow>();
        for (var e : now.entrySet()) {
            List<Gap> g = e.getValue();
            List<Gap> b = before.get(e.getKey());
            boolean own = b != null && b.size() >= MIN_BASELINE_GAPS;
            double[] base = own ? b.stream().mapToDouble(Gap::millis).toArray() : everyCall;
            if (g.size() < MIN_GAPS || base.length < MIN_BASELINE_GAPS) {
                continue;
            }
            double[] cur = g.stream().mapToDouble(Gap::millis).toArray();
            double median = RobustStats.median(base);
            double spread = Math.max(RobustStats.mad(base, median) * RobustStats.MAD_TO_SIGMA,
                    Math.max(config.detector().relativeSpreadFloor() * Math.abs(median), MIN_SPREAD_MS));
            // the lower median: at least half the sampled calls waited this long (of two calls, both did)
            java.util.Arrays.sort(cur);
            double observed = cur[(cur.length - 1) / 2];
            double effect = (observed - median) / spread;
            double z = (observed - median) / (MEDIAN_SE * spread / Math.sqrt(cur.length));
            report.count("series.scored", 1);
            if (effect >= 1 && z >= config.detector().threshold()) {
                slow.put(e.getKey(), new Slow(e.getKey(), g, median, spread, observed, z, own, base.length));
            }
        }
        for (Slow s : slow.values()) {
            // long gaps only from callers whose own inbound calls wait too: the caller's delay, seen on its way out
            var callers = s.slowCallers();
            String explainedBy = !callers.isEmpty() && slow.keySet().containsAll(callers) ? callers.first() : null;
            signal(s, explainedBy, keyOf, out);
            report.signal("NetworkAnomaly");
        }
    }

    private void signal(Slow s, String explainedBy, Function<String, String> keyOf, GraphWriter out) {
        double score = Math.min(s.z(), config.detector().maxScore());
        List<Gap> g = s.gaps();
        long onset = g.stream().filter(x -> x.millis() > s.median() + 2 * s.spread()).mapToLong(Gap::time).min()
                .orElse(g.get(0).time());
        long last = g.stream().mapToLong(Gap::time).max().orElse(onset);
        String entity = keyOf.apply(s.callee());
        var callers = new TreeMap<String, Integer>();
        g.forEach(x -> callers.merge(keyOf.apply(x.caller()), 1, Integer::sum));
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("metric", "trace_call_gap_ms");
        attrs.put("score", AnomalySignals.round(score));
        attrs.put("direction", "up");
        attrs.put("baseline", AnomalySignals.round(s.median()));
        attrs.put("observed", AnomalySignals.round(s.observed()));
        attrs.put("spread", AnomalySignals.round(s.spread()));
        attrs.put("calls", g.size());
        attrs.put("baselineCalls", s.baselineCalls());
        attrs.put("baselineScope", s.ownBaseline() ? "its calls" : "all calls");
        attrs.put("callers", String.join(",", callers.keySet()));
        attrs.put("family", "NetworkAnomaly");
        attrs.put("adverse", true);
        if (explainedBy != null) {
            attrs.put("explainedBy", keyOf.apply(explainedBy));
        }
        out.signal(new Signal("callgap:" + entity + "@" + onset, "NetworkAnomaly", entity, "trace_call_gap_ms",
                score >= AnomalySignals.ERROR_SCORE ? Severity.ERROR : Severity.WARNING, Instant.ofEpochMilli(onset),
                Instant.ofEpochMilli(last), attrs, "traces"));
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
