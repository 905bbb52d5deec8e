/**
 * Ranking over the causal signal graph: personalized PageRank from the symptoms combined with anomaly strength and priors; parameters in {@link dev.taproot.rules.ranking.RankingSettings}.
 */
package dev.taproot.rules.ranking;
