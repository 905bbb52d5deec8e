package dev.taproot.ingest.anomaly;

import java.util.Arrays;

/**
 * Samples of one series, sorted by time, without duplicates or non-finite values. Build with
 * {@link Builder}, which sorts out-of-order samples and counts what it had to repair.
 *
 * @param times  epoch milliseconds, strictly increasing
 * @param values the values, one per time
 */
public record TimeSeries(long[] times, double[] values) {

    public TimeSeries {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public static TimeSeries empty() {
        return new TimeSeries(new long[0], new double[0]);
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public long firstTime() {
        return times[0];
    }

    public long lastTime() {
        return times[times.length - 1];
    }

    /** The samples with {@code from <= time < to}. */
    public TimeSeries slice(long from, long to) {
        int a = lowerBound(from);
        int b = lowerBound(to);
        return new TimeSeries(Arrays.copyOfRange(times, a, b), Arrays.copyOfRange(values, a, b));
    }

    /** The samples with {@code from <= time <= to}. */
    public TimeSeries sliceClosed(long from, long to) {
        return slice(from, to == Long.MAX_VALUE ? to : to + 1);
    }

    private int lowerBound(long t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i : -i - 1;
    }

    /** This series followed by {@code later}'s samples after its last time. */
    public TimeSeries append(TimeSeries later) {
        if (isEmpty()) {
            return later;
        }
        TimeSeries tail = later.slice(lastTime() + 1, Long.MAX_VALUE);
        long[] t = Arrays.copyOf(times, times.length + tail.size());
        double[] v = Arrays.copyOf(values, values.length + tail.size());
        System.arraycopy(tail.times, 0, t, times.length, tail.size());
        System.arraycopy(tail.values, 0, v, values.length, tail.size());
        return new TimeSeries(t, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries s && Arrays.equals(times, s.times) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + size() + " samples]";
    }

    /**
     * Collects samples in any order. Non-finite values are skipped and counted; samples out of time
     * order are sorted and counted; a repeated timestamp keeps the last value and is counted.
     */
    public static final class Builder {
        private long[] times = new long[16];
        private double[] values = new double[16];
        private int n;
        private final SampleQuality quality;

        public Builder(SampleQuality quality) {
            this.quality = quality;
        }

        public Builder add(long time, double value) {
            if (!Double.isFinite(value)) {
                quality.nonFinite++;
                return this;
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
            }
            if (n > 0 && time < times[n - 1]) {
                quality.outOfOrder++;
            }
            times[n] = time;
            values[n] = value;
            n++;
            return this;
        }

        public TimeSeries build() {
            long[] t = Arrays.copyOf(times, n);
            double[] v = Arrays.copyOf(values, n);
            if (!sorted(t)) {
                Integer[] idx = new Integer[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = i;
                }
                // stable: of equal timestamps the later-added sample stays last and wins below
                Arrays.sort(idx, (a, b) -> Long.compare(t[a], t[b]));
                long[] st = new long[n];
                double[] sv = new double[n];
                for (int i = 0; i < n; i++) {
                    st[i] = t[idx[i]];
                    sv[i] = v[idx[i]];
                }
                return dedupe(st, sv);
            }
            return dedupe(t, v);
        }

        private TimeSeries dedupe(long[] t, double[] v) {
            int w = 0;
            for (int i = 0; i < t.length; i++) {
                if (w > 0 && t[w - 1] == t[i]) {
                    quality.duplicates++;
                    v[w - 1] = v[i];
                    continue;
                }
                t[w] = t[i];
                v[w] = v[i];
                w++;
            }
            return w == t.length ? new TimeSeries(t, v) : new TimeSeries(Arrays.copyOf(t, w), Arrays.copyOf(v, w));
        }

        private static boolean sorted(long[] t) {
            for (int i = 1; i < t.length; i++) {
                if (t[i] < t[i - 1]) {
                    return false;
                }
            }
            return true;
        }
    }
}
