package dev.taproot.graph.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something observed about one entity over a time interval: an alert, a Kubernetes event, a change,
 * a log error signature or a metric anomaly.
 *
 * @param key        stable identity (re-ingesting the same observation upserts it)
 * @param type       a signal type of the vocabulary, for example {@code OOMKilled} or {@code HighLatency}
 * @param entityKey  key of the entity it is about
 * @param name       what the source calls it (alert name, event reason, metric name)
 * @param severity   normalised severity
 * @param start      when it started (for anomalies: the onset)
 * @param end        when it ended (null: ongoing or instantaneous)
 * @param attributes flat details: labels, values, scores, counts, the source's message
 * @param source     where it came from, for example {@code alertmanager} or a file name
 */
public record Signal(String key, String type, String entityKey, String name, Severity severity,
                     Instant start, Instant end, Map<String, Object> attributes, String source) {

    public Signal {
        ModelChecks.saneTime(start, "signal.start");
        ModelChecks.saneTime(end, "signal.end");
        ModelChecks.requireText(key, "signal.key");
        ModelChecks.requireText(type, "signal.type");
        ModelChecks.requireText(entityKey, "signal.entityKey");
        Objects.requireNonNull(start, "signal.start is required");
        name = name == null || name.isBlank() ? type : name;
        severity = severity == null ? Severity.WARNING : severity;
        attributes = ModelChecks.flatProperties(attributes, "signal " + key, ModelChecks.SIGNAL_RESERVED);
        source = source == null ? "unknown" : source;
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("signal " + key + ": end is before start");
        }
    }

    /** Whether the signal overlaps the window [from, to]. */
    public boolean overlaps(Instant from, Instant to) {
        Instant last = end == null ? start : end;
        return (to == null || !start.isAfter(to)) && (from == null || !last.isBefore(from));
    }

    /** A numeric attribute, or {@code fallback}. */
    public double number(String attribute, double fallback) {
        Object v = attributes.get(attribute);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
