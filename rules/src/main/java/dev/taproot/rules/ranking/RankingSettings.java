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
 */
public record RankingSettings(double scoreScale, double symptomTypeWeight, double teleport, double spread,
                              double selfWeight, double rankExponent, double onsetBoost, Duration onsetScale,
                              double changeBoost, double historyBoost, double minConfidence) {

    public static RankingSettings defaults() {
        return new RankingSettings(10.0, 0.6, 0.15, 0.3, 1.0, 0.5, 0.3, Duration.ofMinutes(2), 0.5, 0.2, 0.25);
    }
}
