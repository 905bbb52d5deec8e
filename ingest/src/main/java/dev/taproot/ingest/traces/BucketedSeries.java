package dev.taproot.ingest.traces;

import java.util.Arrays;
import java.util.List;

import dev.taproot.ingest.anomaly.RobustStats;
import dev.taproot.ingest.anomaly.SampleQuality;
import dev.taproot.ingest.anomaly.TimeSeries;

/**
 * Observations cut into fixed time buckets: request count (empty buckets between the first and last
 * count as 0), error ratio and median latency (buckets with requests only). Buckets are aligned to
 * multiples of the width so that window and baseline buckets line up.
 *
 * @param requests     requests per bucket
 * @param errorRatio   failed share per bucket
 * @param latencyMs    median latency per bucket (milliseconds)
 */
public record BucketedSeries(TimeSeries requests, TimeSeries errorRatio, TimeSeries latencyMs) {

    public static BucketedSeries of(List<CallObservations.Observation> obs, long widthMillis) {
        if (obs.isEmpty()) {
            return new BucketedSeries(TimeSeries.empty(), TimeSeries.empty(), TimeSeries.empty());
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (var o : obs) {
            first = Math.min(first, Math.floorDiv(o.timeMillis(), widthMillis));
            last = Math.max(last, Math.floorDiv(o.timeMillis(), widthMillis));
        }
        int n = (int) Math.min(last - first + 1, 1_000_000);
        int[] count = new int[n];
        int[] errors = new int[n];
        double[][] lat = new double[n][];
        int[] fill = new int[n];
        for (var o : obs) {
            int b = (int) (Math.floorDiv(o.timeMillis(), widthMillis) - first);
            if (b >= n) {
                continue;
            }
            count[b]++;
        }
        for (int i = 0; i < n; i++) {
            lat[i] = new double[count[i]];
        }
        for (var o : obs) {
            int b = (int) (Math.floorDiv(o.timeMillis(), widthMillis) - first);
            if (b >= n) {
                continue;
            }
            if (o.error()) {
                errors[b]++;
            }
            lat[b][fill[b]++] = o.latencyMillis();
        }
        var q = new SampleQuality();
        var req = new TimeSeries.Builder(q);
        var err = new TimeSeries.Builder(q);
        var latency = new TimeSeries.Builder(q);
        for (int i = 0; i < n; i++) {
            long t = (first + i) * widthMillis;
            req.add(t, count[i]);
            if (count[i] > 0) {
                err.add(t, errors[i] / (double) count[i]);
                latency.add(t, RobustStats.median(lat[i]));
            }
        }
        return new BucketedSeries(req.build(), err.build(), latency.build());
    }

    /** The p-quantile (0..1) of latencies, nearest rank; NaN when empty. */
    public static double quantile(List<CallObservations.Observation> obs, double p) {
        if (obs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = obs.stream().mapToDouble(CallObservations.Observation::latencyMillis).toArray();
        Arrays.sort(v);
        int idx = (int) Math.ceil(p * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, idx))];
    }
}
