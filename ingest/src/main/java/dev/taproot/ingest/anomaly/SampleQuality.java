package dev.taproot.ingest.anomaly;

/**
 * What had to be repaired in the samples of an input: counted, never silently dropped. Mutable while
 * an input is parsed; read the totals afterwards.
 */
public final class SampleQuality {

    /** Values that were not numbers (a string that does not parse). */
    public int nonNumeric;
    /** NaN or infinite values. */
    public int nonFinite;
    /** Samples whose time was earlier than the one before (they are sorted). */
    public int outOfOrder;
    /** Samples repeating a timestamp (the last value wins). */
    public int duplicates;
    /** Gaps: holes longer than three typical steps between consecutive samples. */
    public int gaps;

    /** Adds another input's counts. */
    public void add(SampleQuality other) {
        nonNumeric += other.nonNumeric;
        nonFinite += other.nonFinite;
        outOfOrder += other.outOfOrder;
        duplicates += other.duplicates;
        gaps += other.gaps;
    }

    /** Counts the gaps of a built series (a gap is a step over three times the median step). */
    public void countGaps(TimeSeries s) {
        if (s.size() < 3) {
            return;
        }
        long[] steps = new long[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            steps[i - 1] = s.times()[i] - s.times()[i - 1];
        }
        long[] sorted = steps.clone();
        java.util.Arrays.sort(sorted);
        long typical = sorted[sorted.length / 2];
        for (long step : steps) {
            if (step > 3 * typical) {
                gaps++;
            }
        }
    }

    public boolean isClean() {
        return nonNumeric + nonFinite + outOfOrder + duplicates + gaps == 0;
    }

    @Override
    public String toString() {
        return "nonNumeric=" + nonNumeric + " nonFinite=" + nonFinite + " outOfOrder=" + outOfOrder
                + " duplicates=" + duplicates + " gaps=" + gaps;
    }
}
