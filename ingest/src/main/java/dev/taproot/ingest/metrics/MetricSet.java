package dev.taproot.ingest.metrics;

import java.util.List;

import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.anomaly.SampleQuality;

/**
 * The series read from one metrics input, with what was repaired and what was refused.
 *
 * @param source   the input name
 * @param series   the readable series
 * @param quality  counts of repaired samples
 * @param rejected series that could not be read, with their location and reason
 */
public record MetricSet(String source, List<MetricSeries> series, SampleQuality quality, List<Rejection> rejected) {

    public MetricSet {
        series = List.copyOf(series);
        rejected = List.copyOf(rejected);
    }
}
