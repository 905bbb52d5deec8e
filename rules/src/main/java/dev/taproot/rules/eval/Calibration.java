package dev.taproot.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well the confidence of the first candidate predicts that it is the true cause, on labelled
 * cases: a reliability table (cases binned by confidence, each bin's mean confidence beside how often
 * its first candidate was right) and the expected calibration error, the case-weighted mean gap
 * between the two. A calibrated confidence of 0.7 is right 7 times in 10; an ECE of 0.05 or less is
 * usually called well calibrated.
 *
 * @param bins  the reliability table, lowest confidence first (empty bins left out)
 * @param cases cases with a confidence
 * @param ece   expected calibration error in [0, 1] (NaN without cases)
 */
public record Calibration(List<Bin> bins, int cases, double ece) {

    /** Equal-width confidence bins: five, so each holds enough of a few hundred cases to mean something. */
    public static final int DEFAULT_BINS = 5;

    /**
     * One bin.
     *
     * @param from           lower edge (inclusive)
     * @param to             upper edge (exclusive; the last bin includes 1)
     * @param cases          cases in it
     * @param meanConfidence their mean first-candidate confidence
     * @param accuracy       the share whose first candidate was the true cause
     */
    public record Bin(double from, double to, int cases, double meanConfidence, double accuracy) {
    }

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** The calibration of the first-candidate confidences of these outcomes (those without one are skipped). */
    public static Calibration of(List<CaseOutcome> outcomes, int binCount) {
        int[] n = new int[binCount];
        double[] conf = new double[binCount];
        int[] right = new int[binCount];
        int total = 0;
        for (CaseOutcome o : outcomes) {
            double c = o.topConfidence();
            if (Double.isNaN(c) || o.error() != null) {
                continue;
            }
            int b = Math.min(binCount - 1, (int) Math.floor(c * binCount));
            n[b]++;
            conf[b] += c;
            right[b] += o.hit(1) ? 1 : 0;
            total++;
        }
        var bins = new ArrayList<Bin>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            if (n[b] == 0) {
                continue;
            }
            double mean = conf[b] / n[b];
            double acc = (double) right[b] / n[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, n[b], mean, acc));
            ece += (double) n[b] / total * Math.abs(acc - mean);
        }
        return new Calibration(bins, total, total == 0 ? Double.NaN : ece);
    }

    /** The table as text lines, then the ECE line. */
    public List<String> lines() {
        var out = new ArrayList<String>();
        out.add("confidence   cases  mean conf  right at rank 1");
        for (Bin b : bins) {
            out.add(String.format(Locale.ROOT, "%.1f-%.1f    %5d      %5.2f            %5.2f", b.from(), b.to(), b.cases(),
                    b.meanConfidence(), b.accuracy()));
        }
        out.add(String.format(Locale.ROOT, "expected calibration error (ECE) %.3f over %d cases", ece, cases));
        return out;
    }
}
