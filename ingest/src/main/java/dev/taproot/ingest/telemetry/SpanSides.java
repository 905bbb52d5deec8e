package dev.taproot.ingest.telemetry;

import java.util.ArrayList;
import java.util.List;

import dev.taproot.ingest.traces.Span;

/**
 * Window and baseline spans by the baseline rule of the package (records with a time, not series),
 * with the durations each side covers, for rate comparisons.
 */
record SpanSides(List<Span> window, List<Span> baseline, long windowMillis, long baselineMillis) {

    static SpanSides split(List<Span> windowInput, List<Span> baselineInput, AnalysisWindow w, double selfFraction) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Span s : windowInput) {
            min = Math.min(min, s.startMillis());
            max = Math.max(max, s.startMillis());
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
        var in = new ArrayList<Span>();
        var pre = new ArrayList<Span>();
        for (Span s : windowInput) {
            long t = s.startMillis();
            if (t >= from && t <= to) {
                in.add(s);
            } else if (t < from) {
                pre.add(s);
            }
        }
        List<Span> base = baselineInput.isEmpty() ? pre : baselineInput;
        long bMin = Long.MAX_VALUE;
        long bMax = Long.MIN_VALUE;
        for (Span s : base) {
            bMin = Math.min(bMin, s.startMillis());
            bMax = Math.max(bMax, s.startMillis());
        }
        long baseMillis = base.isEmpty() ? 0 : Math.max(bMax - bMin, 1000);
        return new SpanSides(in, base, Math.max(to - from, 1000), baseMillis);
    }
}
