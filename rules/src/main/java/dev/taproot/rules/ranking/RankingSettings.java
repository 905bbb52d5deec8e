package dev.taproot.rules.ranking;

import java.time.Duration;

/**
 * The ranking's tunable parameters, with defaults measured on the labelled cases (README).
 *
 * @param scoreScale        anomaly score at which a signal counts as half-strength ({@code s/(s+scale)})
 * @param symptomTypeWeight weight of signals that are only symptoms (latency, errors, traffic), which travel
 * @param teleport          personalized PageRank restart probability
 * @param spread            share of the restart mass spread over every anomalous unit (robust to missing edges)
 * @param selfWeight        how strongly a unit's own fault evidence keeps the walk on it
 * @param rankExponent      exponent of the PageRank mass in the final score
 * @param onsetBoost        weight of the "moved first" prior
 * @param onsetScale        how fast the onset prior decays with lateness
 * @param changeBoost       weight of a recent change on the unit
 * @param historyBoost      weight per past incident whose confirmed root cause was the unit (up to 3)
 * @param minConfidence     below this, the answer says "no confident cause"
 * @param deltaExponent     how strongly a latency link is discounted when the callee slowed more than the caller
 * @param crossMetricFactor weight of latency links between different latency metrics (not comparable)
 * @param countScoreScale   as {@code scoreScale}, for error-log anomalies whose score is a Poisson z of a
 *                          count against its baseline rate: far more specific than a metric's robust z (a
 *                          new error template seen 10 times scores 10), so half-strength comes much sooner
 * @param hypothesisWeight  how much the hypothesis check moves a candidate: its score is multiplied by
 *                          {@code 1 - w + w * (symptoms it explains / symptoms)}, so one that the rules link to
 *                          none of the symptoms keeps {@code 1 - w} of it. Halved at the default of 0.5, not
 *                          dropped: rules and graphs are incomplete (a missing edge, an effect no detector saw)
 */
public record RankingSettings(double scoreScale, double symptomTypeWeight, double teleport, double spread,
                              double selfWeight, double rankExponent, double onsetBoost, Duration onsetScale,
                              double changeBoost, double historyBoost, double minConfidence,
                              double deltaExponent, double crossMetricFactor, double countScoreScale,
                              double hypothesisWeight) {

    public static RankingSettings defaults() {
        return new RankingSettings(30.0, 0.6, 0.15, 0.1, 3.0, 0.5, 0.3, Duration.ofMinutes(2), 0.5, 0.2, 0.25, 1.0, 0.3, 3.0,
                0.5);
    }
}
