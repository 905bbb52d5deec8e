package dev.taproot.ingest.anomaly;

import java.util.Arrays;

/** Median and median absolute deviation, the robust location and spread the detector uses. */
public final class RobustStats {

    /** MAD times this estimates the standard deviation of normal data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return medianInPlace(values.clone());
    }

    /** The median, sorting {@code v} itself (no copy). */
    static double medianInPlace(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** The median absolute deviation from {@code median}. */
    public static double mad(double[] values, double median) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - median);
        }
        return medianInPlace(dev);
    }
}
