package dev.taproot.bench;

import java.util.Arrays;

/** Percentiles of measured durations, in milliseconds. */
public record Stats(int samples, double p50, double p99, double max) {

    /** Percentiles of durations given in nanoseconds. */
    public static Stats ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
