package dev.taproot.ingest.anomaly;

import java.util.Optional;

/**
 * Compares a window of one series with its baseline. The baseline gives a robust location (median)
 * and spread (1.4826 x MAD, floored at {@link DetectorConfig#relativeSpreadFloor()} x |median| and
 * {@link DetectorConfig#absoluteSpreadFloor()}; a series whose baseline sits at zero borrows the typical
 * level of its kind for the relative floor); every window point gets a robust z. The most extreme
 * point decides direction and score; the points beyond the threshold (and, with
 * {@link DetectorConfig#outsideRange()}, outside the baseline's 5-95 % range) say how long the change held,
 * and the score is the peak weighted by that ({@link #persistence(int, int)}); the <b>onset</b> is the change point found by walking back from
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
        return detect(baseline, RobustStats.median(baseline), window, typicalLevel);
    }

    /** As {@link #detect(double[], TimeSeries, double)}, with the baseline's median already known. */
    public Optional<Anomaly> detect(double[] baseline, double median, TimeSeries window, double typicalLevel) {
        if (baseline.length < config.minBaselinePoints() || window.isEmpty()) {
            return Optional.empty();
        }
        double spread = spread(baseline, median, typicalLevel);
        // with outsideRange, a point must also leave the baseline's 5-95% range; without, any point counts
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (config.outsideRange()) {
            double[] sorted = baseline.clone();
            java.util.Arrays.sort(sorted);
            lo = sorted[(int) Math.floor(0.05 * (sorted.length - 1))];
            hi = sorted[(int) Math.ceil(0.95 * (sorted.length - 1))];
        }
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
        for (int i = 0; i < z.length; i++) {
            if (z[i] * s >= config.threshold() && (dir == Direction.UP ? x[i] > hi : x[i] < lo)) {
                beyond++;
            }
        }
        double score = Math.min(peakZ, config.maxScore()) * persistence(beyond, x.length);
        if (beyond == 0 || score < config.threshold()) {
            return Optional.empty();
        }
        int[] extent = AnomalyDetector.extent(z, s, peak, config.onsetThreshold());
        int first = extent[0];
        int last = extent[1];
        long[] t = window.times();
        return Optional.of(new Anomaly(dir, score, median, spread, x[peak], t[first], t[peak], t[last], beyond, x.length));
    }

    /**
     * The floored robust spread of a baseline: the scaled MAD, at least {@link DetectorConfig#relativeSpreadFloor()}
     * times the level and {@link DetectorConfig#absoluteSpreadFloor()}. The level is the baseline median; only a
     * baseline sitting at zero borrows {@code typicalLevel}, the usual magnitude of its kind.
     */
    public double spread(double[] baseline, double median, double typicalLevel) {
        double mad = RobustStats.mad(baseline, median) * RobustStats.MAD_TO_SIGMA;
        double level = median != 0 ? Math.abs(median) : Math.abs(typicalLevel);
        return Math.max(mad, Math.max(config.relativeSpreadFloor() * level, config.absoluteSpreadFloor()));
    }

    /**
     * How much of its peak an anomaly keeps for how long it held: a sustained change fills a share
     * ({@link DetectorConfig#minAnomalousShare()}) of the window, at most {@link DetectorConfig#minAnomalousPoints()}
     * points; fewer points beyond the threshold keep that fraction of the peak. One huge spike in a short window
     * of coarse samples still counts; one modest spike among many samples does not (its weighted score falls
     * below the threshold).
     */
    public double persistence(int beyond, int windowPoints) {
        int sustained = Math.max(1, Math.min(config.minAnomalousPoints(),
                (int) Math.ceil(config.minAnomalousShare() * windowPoints - 1e-9)));
        return Math.min(1.0, beyond / (double) sustained);
    }

    /**
     * The part of an anomaly that is new in the window. When most of the samples just before the window
     * ({@code preWindow}, from the same input) already sit beyond the threshold in the anomaly's direction, the
     * shift began before the window: the window is then measured from that shifted level (their median) with
     * the same spread, and empty means nothing new happened in the window (the anomaly is ongoing).
     */
    public Optional<Anomaly> newInWindow(Anomaly a, double[] preWindow) {
        if (preWindow.length == 0) {
            return Optional.of(a);
        }
        double s = a.direction().sign();
        int shifted = 0;
        for (double v : preWindow) {
            if ((v - a.baseline()) / a.spread() * s >= config.threshold()) {
                shifted++;
            }
        }
        if (2 * shifted < preWindow.length || shifted == 0) {
            return Optional.of(a);
        }
        double level = RobustStats.median(preWindow);
        double z = (a.observed() - level) / a.spread() * s;
        if (z < config.threshold()) {
            return Optional.empty();
        }
        return Optional.of(new Anomaly(a.direction(), Math.min(z, config.maxScore()), level, a.spread(), a.observed(),
                a.onset(), a.peak(), a.end(), a.anomalousPoints(), a.windowPoints()));
    }

    /**
     * The run of points around {@code peak} whose signed z stays at or above {@code threshold}: where
     * the anomaly began and ended, as indexes {first, last}.
     */
    static int[] extent(double[] z, double sign, int peak, double threshold) {
        int first = peak;
        while (first > 0 && z[first - 1] * sign >= threshold) {
            first--;
        }
        int last = peak;
        while (last < z.length - 1 && z[last + 1] * sign >= threshold) {
            last++;
        }
        return new int[] {first, last};
    }
}
