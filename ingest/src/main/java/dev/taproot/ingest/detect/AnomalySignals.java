package dev.taproot.ingest.detect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.anomaly.Anomaly;

/**
 * Builds anomaly signals in the shape the rules rely on: type, entity, start = onset, end = last
 * anomalous point, and attributes {@code metric}, {@code score}, {@code direction}, {@code baseline},
 * {@code observed} (plus {@code pod}, {@code peer} and so on where known).
 */
public final class AnomalySignals {

    /** Scores at or above this make an ERROR signal, the rest WARNING. */
    public static final double ERROR_SCORE = 10;

    private AnomalySignals() {
    }

    /**
     * An anomaly signal.
     *
     * @param identity what makes it unique besides its onset (series id, edge, ...)
     * @param extra    more attributes (pod, peer, adverse, ...); nulls are skipped
     */
    public static Signal of(String type, String entityKey, String metric, Anomaly a, String identity,
                            String source, Map<String, Object> extra) {
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("metric", metric);
        attrs.put("score", round(a.score()));
        attrs.put("direction", a.direction().label());
        attrs.put("baseline", round(a.baseline()));
        attrs.put("observed", round(a.observed()));
        attrs.put("spread", round(a.spread()));
        attrs.put("peakAt", Instant.ofEpochMilli(a.peak()).toString());
        attrs.put("anomalousPoints", a.anomalousPoints());
        attrs.put("windowPoints", a.windowPoints());
        extra.forEach((k, v) -> {
            if (v != null) {
                attrs.put(k, v);
            }
        });
        String key = "anomaly:" + entityKey + ":" + identity + "@" + a.onset();
        Severity severity = a.score() >= ERROR_SCORE ? Severity.ERROR : Severity.WARNING;
        return new Signal(key, type, entityKey, metric, severity, Instant.ofEpochMilli(a.onset()),
                Instant.ofEpochMilli(a.end()), attrs, source);
    }

    /** Rounds to 6 significant digits so attributes stay readable. */
    public static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
