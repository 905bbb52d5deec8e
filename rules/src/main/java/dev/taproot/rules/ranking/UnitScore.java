package dev.taproot.rules.ranking;

import java.time.Instant;

/**
 * The ranking's view of one unit (a service-level entity).
 *
 * @param unit      the unit's entity key
 * @param score     final score (PageRank mass times anomaly times priors)
 * @param pageRank  personalized PageRank mass from the symptoms over the causal graph
 * @param anomaly   how anomalous the unit is itself, in [0, 1)
 * @param fault     how much fault or change evidence it carries, in [0, 1)
 * @param onset     when its earliest signal started (null: none)
 * @param onsetPrior   the "moved first" factor
 * @param changePrior  the "changed recently" factor
 * @param historyPrior the "was the root cause before" factor
 * @param feedbackPrior what people said when it was proposed before: confirmed raises, rejected lowers ({@link FeedbackPrior})
 * @param explained true when a causal path links it to a symptom (or it is one)
 * @param significance how sure we are that its strongest signal is real, in [0, 1)
 */
public record UnitScore(String unit, double score, double pageRank, double anomaly, double fault, Instant onset,
                        double onsetPrior, double changePrior, double historyPrior, double feedbackPrior, boolean explained,
                        double significance) {
}
