package dev.taproot.ingest.detect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.traces.Span;

/**
 * {@code ErrorSpan} signals: failed spans in the window grouped by service and status, kept when the
 * baseline does not explain them (never failed that way there, or the window rate exceeds
 * {@link dev.taproot.ingest.logs.LogConfig#spikeFactor()} times the baseline rate). The score is a
 * Poisson z of the window count against the count the baseline rate predicts, capped like metric scores.
 */
final class ErrorSpans {

    private final TelemetryConfig config;
    private final SeriesScorer scorer;

    ErrorSpans(TelemetryConfig config, SeriesScorer scorer) {
        this.config = config;
        this.scorer = scorer;
    }

    private static final class Group {
        int count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        Span example;
    }

    void write(List<Span> window, List<Span> baseline, AnalysisWindow w, Function<String, String> keyOf,
               GraphWriter out, TelemetryReport.Builder report) {
        Sides<Span> sides = Sides.split(window, baseline, w, config.detector().selfBaselineFraction(), Span::startMillis);
        Map<String, Group> now = group(sides.window());
        Map<String, Group> before = group(sides.baseline());
        now.forEach((k, g) -> {
            Group b = before.get(k);
            double expected = b == null ? 0 : sides.expected(b.count);
            if (b != null && g.count <= config.logs().spikeFactor() * expected) {
                return;
            }
            double score = Math.min(config.detector().maxScore(), (g.count - expected) / Math.sqrt(expected + 1));
            Span ex = g.example;
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("metric", "error_spans");
            attrs.put("status", ex.status());
            attrs.put("count", g.count);
            attrs.put("baselineCount", b == null ? 0 : b.count);
            attrs.put("expected", AnomalySignals.round(expected));
            attrs.put("score", AnomalySignals.round(score));
            attrs.put("direction", "up");
            attrs.put("baseline", AnomalySignals.round(expected));
            attrs.put("observed", g.count);
            attrs.put("example", ex.name() + (ex.message() == null ? "" : ": " + ex.message()));
            attrs.put("pod", ex.pod());
            attrs.put("peer", ex.peer() == null ? null : keyOf.apply(ex.peer()));
            attrs.put("newStatus", b == null);
            String entity = keyOf.apply(ex.service());
            out.signal(new Signal("errorspan:" + entity + ":" + ex.status() + "@" + g.first, "ErrorSpan", entity,
                    "error spans " + ex.status(), score >= AnomalySignals.ERROR_SCORE ? Severity.ERROR : Severity.WARNING,
                    Instant.ofEpochMilli(g.first), Instant.ofEpochMilli(g.last), attrs, "traces"));
            report.signal("ErrorSpan");
        });
    }

    private static Map<String, Group> group(List<Span> spans) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Span s : spans) {
            if (!s.error()) {
                continue;
            }
            Group g = groups.computeIfAbsent(s.service() + "|" + s.status(), k -> new Group());
            g.count++;
            g.first = Math.min(g.first, s.startMillis());
            g.last = Math.max(g.last, s.startMillis());
            if (g.example == null) {
                g.example = s;
            }
        }
        return groups;
    }
}
