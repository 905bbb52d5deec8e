package dev.taproot.ingest.metrics;

import java.util.Map;
import java.util.TreeMap;

import dev.taproot.ingest.anomaly.TimeSeries;

/**
 * One metric series: its name, its labels (without {@code __name__}) and its samples.
 *
 * @param metric the metric name ({@code __name__}); {@code unnamed} when the source gave none
 * @param labels the other labels
 * @param series the samples
 */
public record MetricSeries(String metric, Map<String, String> labels, TimeSeries series) {

    public MetricSeries {
        metric = metric == null || metric.isBlank() ? "unnamed" : metric;
        labels = Map.copyOf(labels);
    }

    /** A stable identity: name plus sorted labels, as Prometheus prints a series. */
    public String id() {
        return metric + new TreeMap<>(labels);
    }

    public String label(String name) {
        return labels.get(name);
    }

    public MetricSeries withSeries(TimeSeries s) {
        return new MetricSeries(metric, labels, s);
    }
}
