package dev.taproot.ingest.anomaly;

import java.util.Optional;

/**
 * Compares a window of one series with its baseline. The baseline gives a robust location (median)
 * and spread (1.4826 x MAD, floored at {@link DetectorConfig#relativeSpreadFloor()} x |median| and
 * {@link DetectorConfig#absoluteSpreadFloor()}; a series whose baseline sits at zero borrows the typical
 * level of its kind for the relative floor); every window point gets a robust z. The most extreme
 * point decides direction and score; the <b>onset</b> is the change point found by walking back from
 * that peak while points stay beyond {@link DetectorConfig#onsetThreshold()} in the same direction,
 * and the end by walking forward the same way. Stateless and thread-safe.
 */
public final class AnomalyDetector {

    private final DetectorConfig config;

    public AnomalyDetector(DetectorConfig config) {
        this.config = config;
    }

    public DetectorConfig config() {
        return config;
    }

    /** The anomaly of {@code window} against {@code baseline}, if any. */
    public Optional<Anomaly> detect(TimeSeries baseline, TimeSeries window) {
        return detect(baseline.values(), window, 0);
    }

    /**
     * The anomaly of {@code window} against baseline values (their times do not matter).
     *
     * @param typicalLevel the usual magnitude of this kind of series (for example the median level of the
     *                     same metric over all pods), used for the relative spread floor when this series'
     *                     own baseline sits at zero; 0 when unknown
     */
    public Optional<Anomaly> detect(double[] baseline, TimeSeries window, double typicalLevel) {
        if (baseline.length < config.minBaselinePoints() || window.isEmpty()) {
            return Optional.empty();
        }
        double median = RobustStats.median(baseline);
        double spread = spread(baseline, median, typicalLevel);
        double[] x = window.values();
        double[] z = new double[x.length];
        int peak = 0;
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - median) / spread;
            if (Math.abs(z[i]) > Math.abs(z[peak])) {
                peak = i;
            }
        }
        double peakZ = Math.abs(z[peak]);
        if (peakZ < config.threshold()) {
            return Optional.empty();
        }
        Direction dir = z[peak] > 0 ? Direction.UP : Direction.DOWN;
        double s = dir.sign();
        int beyond = 0;
        for (double zi : z) {
            if (zi * s >= config.threshold()) {
                beyond++;
            }
        }
        if (beyond < config.minAnomalousPoints()) {
            return Optional.empty();
        }
        int first = peak;
        while (first > 0 && z[first - 1] * s >= config.onsetThreshold()) {
            first--;
        }
        int last = peak;
        while (last < x.length - 1 && z[last + 1] * s >= config.onsetThreshold()) {
            last++;
        }
        long[] t = window.times();
        return Optional.of(new Anomaly(dir, Math.min(peakZ, config.maxScore()), median, spread, x[peak],
                t[first], t[peak], t[last], beyond, x.length));
    }

    /** The floored robust spread of a baseline. */
    public double spread(double[] baseline, double median, double typicalLevel) {
        double mad = RobustStats.mad(baseline, median) * RobustStats.MAD_TO_SIGMA;
        double level = Math.max(Math.abs(median), Math.abs(typicalLevel));
        return Math.max(mad, Math.max(config.relativeSpreadFloor() * level, config.absoluteSpreadFloor()));
    }
}
