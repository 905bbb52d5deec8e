package dev.taproot.ingest.anomaly;

/**
 * Settings of the {@link AnomalyDetector}; {@link #DEFAULTS} are tuned on real fault-injection
 * telemetry (1-minute and 5-minute samples, 5 to 15 minute windows) and are meant to be general.
 *
 * @param threshold           robust z (distance from the baseline median in spreads) a window point must
 *                            reach to be anomalous
 * @param onsetThreshold      robust z that still counts as "away from normal" when walking back from the
 *                            peak to find the onset (the change point), and forward to find the end
 * @param relativeSpreadFloor the spread is at least this fraction of the baseline median's magnitude, so a
 *                            flat baseline (MAD 0) does not make every wiggle infinite
 * @param absoluteSpreadFloor the spread is at least this, for baselines whose median is 0
 * @param maxScore            scores are capped here so one degenerate series cannot dominate
 * @param minBaselinePoints   fewer baseline samples than this: the series is not scored (counted)
 * @param outsideRange        whether an anomalous point must also lie outside the baseline's own 5-95 % range:
 *                            heavy-tailed series (latencies) then stop raising alarms for values they reach
 *                            regularly in fault-free times
 * @param minAnomalousPoints  window points beyond the threshold that make a change sustained at most (fewer
 *                            points weigh the score down, see {@link AnomalyDetector#persistence})
 * @param minAnomalousShare   the share of the window's points a sustained change occupies (at least 1 point,
 *                            at most {@code minAnomalousPoints})
 * @param selfBaselineFraction when no baseline exists for a series and no window start is known, the first
 *                            fraction of its own samples is the baseline and the rest the window
 */
public record DetectorConfig(double threshold, double onsetThreshold, double relativeSpreadFloor,
                             double absoluteSpreadFloor, double maxScore, int minBaselinePoints,
                             int minAnomalousPoints, boolean outsideRange, double selfBaselineFraction,
                             double minAnomalousShare) {

    public static final double DEFAULT_THRESHOLD = 5.0;
    public static final double DEFAULT_ONSET_THRESHOLD = 1.5;
    public static final double DEFAULT_RELATIVE_SPREAD_FLOOR = 0.1;
    public static final double DEFAULT_ABSOLUTE_SPREAD_FLOOR = 1e-3;
    public static final double DEFAULT_MAX_SCORE = 100;
    public static final int DEFAULT_MIN_BASELINE_POINTS = 2;
    public static final int DEFAULT_MIN_ANOMALOUS_POINTS = 2;
    public static final double DEFAULT_SELF_BASELINE_FRACTION = 0.5;
    /** A third of the window: one point of a 3-sample window, two of a 5-sample one. */
    public static final double DEFAULT_MIN_ANOMALOUS_SHARE = 1.0 / 3;

    public static final DetectorConfig DEFAULTS = new DetectorConfig(DEFAULT_THRESHOLD, DEFAULT_ONSET_THRESHOLD,
            DEFAULT_RELATIVE_SPREAD_FLOOR, DEFAULT_ABSOLUTE_SPREAD_FLOOR, DEFAULT_MAX_SCORE,
            DEFAULT_MIN_BASELINE_POINTS, DEFAULT_MIN_ANOMALOUS_POINTS, true, DEFAULT_SELF_BASELINE_FRACTION,
            DEFAULT_MIN_ANOMALOUS_SHARE);

    public DetectorConfig {
        if (threshold <= 0 || onsetThreshold <= 0 || onsetThreshold > threshold) {
            throw new IllegalArgumentException("need 0 < onsetThreshold <= threshold, got " + onsetThreshold
                    + " and " + threshold);
        }
        if (relativeSpreadFloor < 0 || absoluteSpreadFloor <= 0) {
            throw new IllegalArgumentException("spread floors must be >= 0 (relative) and > 0 (absolute)");
        }
        if (maxScore <= threshold) {
            throw new IllegalArgumentException("maxScore must exceed threshold");
        }
        if (minBaselinePoints < 1 || minAnomalousPoints < 1) {
            throw new IllegalArgumentException("minBaselinePoints and minAnomalousPoints must be >= 1");
        }
        if (selfBaselineFraction <= 0 || selfBaselineFraction >= 1) {
            throw new IllegalArgumentException("selfBaselineFraction must be in (0, 1)");
        }
        if (minAnomalousShare <= 0 || minAnomalousShare > 1) {
            throw new IllegalArgumentException("need 0 < minAnomalousShare <= 1");
        }
    }

    public DetectorConfig withThreshold(double t) {
        return new DetectorConfig(t, Math.min(onsetThreshold, t), relativeSpreadFloor, absoluteSpreadFloor,
                Math.max(maxScore, t + 1), minBaselinePoints, minAnomalousPoints, outsideRange, selfBaselineFraction, minAnomalousShare);
    }

    public DetectorConfig withRelativeSpreadFloor(double f) {
        return new DetectorConfig(threshold, onsetThreshold, f, absoluteSpreadFloor, maxScore, minBaselinePoints,
                minAnomalousPoints, outsideRange, selfBaselineFraction, minAnomalousShare);
    }

    public DetectorConfig withMinAnomalousPoints(int n) {
        return new DetectorConfig(threshold, onsetThreshold, relativeSpreadFloor, absoluteSpreadFloor, maxScore,
                minBaselinePoints, n, outsideRange, selfBaselineFraction, minAnomalousShare);
    }

    public DetectorConfig withOutsideRange(boolean b) {
        return new DetectorConfig(threshold, onsetThreshold, relativeSpreadFloor, absoluteSpreadFloor, maxScore,
                minBaselinePoints, minAnomalousPoints, b, selfBaselineFraction, minAnomalousShare);
    }
}
