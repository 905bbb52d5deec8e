package dev.taproot.ingest.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Window and baseline records (spans, log lines) by the baseline rule of the package, with the
 * durations each side covers, for rate comparisons: the window is [window start, window end] (or,
 * with no window known, the whole input when baseline inputs exist, else the last part of its time
 * span); the baseline is the baseline inputs, else the window input's records before the window.
 *
 * @param window         records in the window
 * @param baseline       baseline records
 * @param windowMillis   how long the window is
 * @param baselineMillis how long the baseline records span (0 when there are none)
 */
record Sides<T>(List<T> window, List<T> baseline, long windowMillis, long baselineMillis) {

    static <T> Sides<T> split(List<T> windowInput, List<T> baselineInput, AnalysisWindow w, double selfFraction,
                              ToLongFunction<T> time) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (T s : windowInput) {
            min = Math.min(min, time.applyAsLong(s));
            max = Math.max(max, time.applyAsLong(s));
        }
        long from;
        long to;
        if (w.known()) {
            from = w.startMillis();
            to = w.end() == null ? max : w.endMillis();
        } else if (!baselineInput.isEmpty()) {
            from = min;
            to = max;
        } else {
            from = min + (long) ((max - min) * selfFraction);
            to = max;
        }
        var in = new ArrayList<T>();
        var pre = new ArrayList<T>();
        for (T s : windowInput) {
            long t = time.applyAsLong(s);
            if (t >= from && t <= to) {
                in.add(s);
            } else if (t < from) {
                pre.add(s);
            }
        }
        List<T> base = baselineInput.isEmpty() ? pre : baselineInput;
        long bMin = Long.MAX_VALUE;
        long bMax = Long.MIN_VALUE;
        for (T s : base) {
            bMin = Math.min(bMin, time.applyAsLong(s));
            bMax = Math.max(bMax, time.applyAsLong(s));
        }
        long baseMillis = base.isEmpty() ? 0 : Math.max(bMax - bMin, 1000);
        return new Sides<>(in, base, Math.max(to - from, 1000), baseMillis);
    }

    /** How many baseline records predict for the window: baseline count scaled by the durations. */
    double expected(long baselineCount) {
        return baselineMillis <= 0 ? 0 : baselineCount * (windowMillis / (double) baselineMillis);
    }
}
