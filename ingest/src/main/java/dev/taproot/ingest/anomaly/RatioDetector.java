package dev.taproot.ingest.anomaly;

import java.util.Optional;

/**
 * Scores a success, availability or error ratio as what it summarises: failed requests. Each window point's
 * failures (its failure fraction times the requests of that sample) are compared with the count the
 * baseline's failure rate predicts for as many requests: the Poisson tail of the count, as the normal z with
 * the same tail ({@link PoissonTail}). A drop of a few points of availability on a busy service is many failed
 * requests however flat the percentage was before (a robust z with a spread floor relative to a 100 % level
 * would call it noise); the same drop over three requests is not. Points, onset and end follow
 * {@link AnomalyDetector}. Stateless and thread-safe.
 */
public final class RatioDetector {

    private final DetectorConfig config;
    private final AnomalyDetector points;

    public RatioDetector(DetectorConfig config) {
        this.config = config;
        this.points = new AnomalyDetector(config);
    }

    /**
     * The anomaly of a ratio series, if any.
     *
     * @param baseline  the ratio's baseline values
     * @param window    the ratio's window samples
     * @param requests  requests per window sample (same order as {@code window}; NaN or 0: unknown, not scored)
     * @param success   true for a success or availability ratio (failures are {@code scale - value}), false for an
     *                  error ratio (failures are the value)
     * @param scale     100 for percentages, 1 for fractions
     */
    public Optional<Anomaly> detect(double[] baseline, TimeSeries window, double[] requests, boolean success, double scale) {
        if (baseline.length < config.minBaselinePoints() || window.isEmpty()) {
            return Optional.empty();
        }
        double[] x = window.values();
        // the baseline's failure rate, with half a failure of prior over its requests (estimated as its
        // samples times the window's typical requests per sample), so a spotless baseline is not a zero rate
        double perSample = RobustStats.median(java.util.Arrays.stream(requests).filter(n -> n > 0).toArray());
        if (Double.isNaN(perSample)) {
            return Optional.empty();
        }
        double failed = 0;
        for (double v : baseline) {
            failed += failure(v, success, scale) * perSample;
        }
        double p0 = (failed + 0.5) / (baseline.length * perSample + 1);
        double[] z = new double[x.length];
        int peak = 0;
        for (int i = 0; i < x.length; i++) {
            double n = requests[i];
            if (Double.isNaN(n) || n <= 0) {
                continue;
            }
            double k = failure(x[i], success, scale) * n;
            double e = p0 * n;
            z[i] = k > e ? PoissonTail.z(k, e) : (k - e) / Math.sqrt(e + 1);
            if (Math.abs(z[i]) > Math.abs(z[peak])) {
                peak = i;
            }
        }
        double peakZ = Math.abs(z[peak]);
        if (peakZ < config.threshold()) {
            return Optional.empty();
        }
        int beyond = 0;
        double s = Math.signum(z[peak]);
        for (double zi : z) {
            if (zi * s >= config.threshold()) {
                beyond++;
            }
        }
        double score = Math.min(peakZ, config.maxScore()) * points.persistence(beyond, x.length);
        if (score < config.threshold()) {
            return Optional.empty();
        }
        int[] extent = AnomalyDetector.extent(z, s, peak, config.onsetThreshold());
        int first = extent[0];
        int last = extent[1];
        boolean moreFailures = s > 0;
        Direction dir = moreFailures == success ? Direction.DOWN : Direction.UP;
        double base = success ? scale * (1 - p0) : scale * p0;
        double spread = Math.max(Math.abs(x[peak] - base) / peakZ, config.absoluteSpreadFloor());
        long[] t = window.times();
        return Optional.of(new Anomaly(dir, score, base, spread, x[peak],
                t[first], t[peak], t[last], beyond, x.length));
    }

    private static double failure(double v, boolean success, double scale) {
        double f = success ? (scale - v) / scale : v / scale;
        return Math.max(0, Math.min(1, f));
    }
}
