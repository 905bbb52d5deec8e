package dev.taproot.ingest.detect;

import java.util.Optional;

import dev.taproot.ingest.anomaly.Anomaly;
import dev.taproot.ingest.anomaly.AnomalyDetector;
import dev.taproot.ingest.anomaly.TimeSeries;

/**
 * Applies the baseline rule to one series and scores it. The rule, in order:
 * <ol>
 *   <li>the window is the samples in [window start, window end];</li>
 *   <li>the baseline is the series' samples from the baseline inputs, plus (when
 *       {@link TelemetryConfig#baselineIncludesPreWindow()}, or when there are no baseline samples) the
 *       window input's own samples before the window start;</li>
 *   <li>with no window start known: the baseline inputs' samples if any (the whole series is the window),
 *       else the first {@link dev.taproot.ingest.anomaly.DetectorConfig#selfBaselineFraction()} of the
 *       series' time span is the baseline and the rest the window.</li>
 * </ol>
 * When the baseline comes from other inputs (another period), the window input's own samples before the
 * window say whether a shift was already there: such an anomaly is <b>ongoing</b>, measured from the level
 * it had before the window ({@link AnomalyDetector#newInWindow}), and dropped when nothing new happened.
 */
public final class SeriesScorer {

    /** Which baseline a score used. */
    public enum BaselineKind { INPUTS, PRE_WINDOW, INPUTS_AND_PRE_WINDOW, SELF_SPLIT, NONE }

    /**
     * A score with the baseline it was measured against.
     *
     * @param ongoing the shift was already present before the window; {@code anomaly} is the part new in it,
     *                scored 0 when nothing new happened ({@link #nothingNew()})
     */
    public record Scored(Anomaly anomaly, BaselineKind baseline, boolean ongoing) {
        /** An ongoing shift with nothing new in the window: reported as ongoing, never a signal. */
        public boolean nothingNew() {
            return ongoing && anomaly.score() <= 0;
        }
    }

    private final TelemetryConfig config;
    private final AnomalyDetector detector;
    private final dev.taproot.ingest.anomaly.RatioDetector ratios;

    public SeriesScorer(TelemetryConfig config) {
        this.config = config;
        this.detector = new AnomalyDetector(config.detector());
        this.ratios = new dev.taproot.ingest.anomaly.RatioDetector(config.detector());
    }

    /** The baseline and window of a series, split by the rule above. */
    public record Split(double[] baseline, TimeSeries window, BaselineKind kind, double median, double[] preWindow) {
        public Split(double[] baseline, TimeSeries window, BaselineKind kind) {
            this(baseline, window, kind, new double[0]);
        }

        public Split(double[] baseline, TimeSeries window, BaselineKind kind, double[] preWindow) {
            this(baseline, window, kind, dev.taproot.ingest.anomaly.RobustStats.median(baseline), preWindow);
        }
    }

    public Split split(TimeSeries series, TimeSeries baselineInput, AnalysisWindow window) {
        boolean hasBaseline = baselineInput != null && !baselineInput.isEmpty();
        if (window.known()) {
            TimeSeries pre = series.slice(Long.MIN_VALUE, window.startMillis());
            TimeSeries in = series.sliceClosed(window.startMillis(), window.endMillis());
            if (!hasBaseline) {
                return new Split(pre.values(), in, pre.isEmpty() ? BaselineKind.NONE : BaselineKind.PRE_WINDOW);
            }
            if (config.baselineIncludesPreWindow() && !pre.isEmpty()) {
                return new Split(concat(baselineInput.values(), pre.values()), in, BaselineKind.INPUTS_AND_PRE_WINDOW);
            }
            return new Split(baselineInput.values(), in, BaselineKind.INPUTS, pre.values());
        }
        if (hasBaseline) {
            return new Split(baselineInput.values(), series, BaselineKind.INPUTS);
        }
        if (series.size() < 2) {
            return new Split(new double[0], series, BaselineKind.NONE);
        }
        long cut = series.firstTime()
                + (long) ((series.lastTime() - series.firstTime()) * config.detector().selfBaselineFraction());
        TimeSeries pre = series.slice(Long.MIN_VALUE, cut);
        return new Split(pre.values(), series.slice(cut, Long.MAX_VALUE), BaselineKind.SELF_SPLIT);
    }

    /** Splits and scores one series. */
    public Optional<Scored> score(TimeSeries series, TimeSeries baselineInput, AnalysisWindow window) {
        return score(split(series, baselineInput, window), 0);
    }

    /** Scores a split series; {@code typicalLevel} as in {@link AnomalyDetector#detect(double[], TimeSeries, double)}. */
    public Optional<Scored> score(Split s, double typicalLevel) {
        return detector.detect(s.baseline(), s.median(), s.window(), typicalLevel).flatMap(a -> checkOngoing(a, s));
    }

    /**
     * Scores a split ratio series as failed requests ({@link dev.taproot.ingest.anomaly.RatioDetector}).
     *
     * @param requests the request-count series of the same entity, read at the window's sample times
     */
    public Optional<Scored> scoreRatio(Split s, TimeSeries requests, boolean success, double scale) {
        double[] n = new double[s.window().size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = valueAt(requests, s.window().times()[i]);
        }
        return ratios.detect(s.baseline(), s.window(), n, success, scale).flatMap(a -> checkOngoing(a, s));
    }

    /** The sample of {@code series} at {@code t}, else the nearest one; NaN when the series is empty. */
    static double valueAt(TimeSeries series, long t) {
        if (series.isEmpty()) {
            return Double.NaN;
        }
        int i = java.util.Arrays.binarySearch(series.times(), t);
        if (i >= 0) {
            return series.values()[i];
        }
        int after = -i - 1;
        if (after == 0) {
            return series.values()[0];
        }
        if (after >= series.size()) {
            return series.values()[series.size() - 1];
        }
        long dBefore = t - series.times()[after - 1];
        long dAfter = series.times()[after] - t;
        return dBefore <= dAfter ? series.values()[after - 1] : series.values()[after];
    }

    /** The anomaly as scored, or its part new in the window when the shift began before it (empty: nothing new). */
    public Optional<Scored> checkOngoing(Anomaly a, Split s) {
        Optional<Anomaly> fresh = detector.newInWindow(a, s.preWindow());
        if (fresh.isEmpty()) {
            return Optional.of(new Scored(new Anomaly(a.direction(), 0, a.baseline(), a.spread(), a.observed(), a.onset(),
                    a.peak(), a.end(), a.anomalousPoints(), a.windowPoints()), s.kind(), true));
        }
        return Optional.of(new Scored(fresh.get(), s.kind(), fresh.get() != a));
    }

    public AnomalyDetector detector() {
        return detector;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The median magnitude of the non-zero baseline medians of several series of one kind; 0 if none. */
    public static double typicalLevel(java.util.List<Split> splits) {
        double[] levels = splits.stream().filter(s -> s.baseline().length > 0)
                .mapToDouble(s -> Math.abs(s.median()))
                .filter(m -> m > 0).toArray();
        return levels.length == 0 ? 0 : dev.taproot.ingest.anomaly.RobustStats.median(levels);
    }
}
