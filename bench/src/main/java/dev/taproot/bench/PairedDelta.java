package dev.taproot.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How one configuration's per-query reciprocal ranks compare with another's on the same queries:
 * queries it ranked better / worse / the same, and a paired bootstrap 95 % interval of the MRR gain.
 *
 * @param queries queries both answered
 * @param better  queries whose first relevant hit rose
 * @param worse   queries whose first relevant hit fell
 * @param mrrGain mean gain of reciprocal rank (the MRR difference)
 * @param low     2.5th percentile of the bootstrapped gain
 * @param high    97.5th percentile of the bootstrapped gain
 */
record PairedDelta(int queries, int better, int worse, double mrrGain, double low, double high) {

    static final int RESAMPLES = 2000;

    /** {@code candidate} minus {@code baseline}, over the queries both hold. */
    static PairedDelta of(Map<String, Double> baseline, Map<String, Double> candidate) {
        double[] d = baseline.keySet().stream().filter(candidate::containsKey)
                .mapToDouble(k -> candidate.get(k) - baseline.get(k)).toArray();
        int better = (int) Arrays.stream(d).filter(x -> x > 1e-12).count();
        int worse = (int) Arrays.stream(d).filter(x -> x < -1e-12).count();
        double mean = Arrays.stream(d).average().orElse(0);
        var random = new SplittableRandom(42);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int i = 0; i < d.length; i++) {
                s += d[random.nextInt(d.length)];
            }
            means[r] = d.length == 0 ? 0 : s / d.length;
        }
        Arrays.sort(means);
        return new PairedDelta(d.length, better, worse, mean, means[(int) (0.025 * RESAMPLES)], means[(int) (0.975 * RESAMPLES) - 1]);
    }

    String line() {
        return String.format(Locale.ROOT, "%+.3f MRR (95%% CI %+.3f..%+.3f), %d queries better, %d worse of %d",
                mrrGain, low, high, better, worse, queries);
    }
}
