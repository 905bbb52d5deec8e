package dev.taproot.ingest.detect;

import java.time.Instant;

/**
 * The time to analyse. Either bound may be null: no start means "no window known" (baseline inputs, or
 * else the first part of each series, serve as baseline); no end means "until the data ends".
 */
public record AnalysisWindow(Instant start, Instant end) {

    public static final AnalysisWindow UNKNOWN = new AnalysisWindow(null, null);

    public AnalysisWindow {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("window end " + end + " is before its start " + start);
        }
    }

    public boolean known() {
        return start != null;
    }

    public long startMillis() {
        return start == null ? Long.MIN_VALUE : start.toEpochMilli();
    }

    public long endMillis() {
        return end == null ? Long.MAX_VALUE : end.toEpochMilli();
    }
}
