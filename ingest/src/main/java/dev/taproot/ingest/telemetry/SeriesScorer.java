package dev.taproot.ingest.telemetry;

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
 */
public final class SeriesScorer {

    /** Which baseline a score used. */
    public enum BaselineKind { INPUTS, PRE_WINDOW, INPUTS_AND_PRE_WINDOW, SELF_SPLIT, NONE }

    /** A score with the baseline it was measured against. */
    public record Scored(Anomaly anomaly, BaselineKind baseline) {
    }

    private final TelemetryConfig config;
    private final AnomalyDetector detector;

    public SeriesScorer(TelemetryConfig config) {
        this.config = config;
        this.detector = new AnomalyDetector(config.detector());
    }

    /** The baseline and window of a series, split by the rule above. */
    public record Split(double[] baseline, TimeSeries window, BaselineKind kind) {
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
            return new Split(baselineInput.values(), in, BaselineKind.INPUTS);
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
        return detector.detect(s.baseline(), s.window(), typicalLevel).map(a -> new Scored(a, s.kind()));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The median magnitude of the non-zero baseline medians of several series of one kind; 0 if none. */
    public static double typicalLevel(java.util.List<double[]> baselines) {
        double[] levels = baselines.stream().filter(b -> b.length > 0)
                .mapToDouble(b -> Math.abs(dev.taproot.ingest.anomaly.RobustStats.median(b)))
                .filter(m -> m > 0).toArray();
        return levels.length == 0 ? 0 : dev.taproot.ingest.anomaly.RobustStats.median(levels);
    }
}
