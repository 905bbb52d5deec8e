package dev.taproot.rules.eval;

import java.util.List;

/**
 * How one case went: the service-level ranking, the rank of the expected root cause (0: absent),
 * how long the analysis took, the confidence the engine gave its first candidate (NaN: none), and
 * whether the hypothesis check found the expected cause explaining the most symptoms of all candidates
 * (null: the ranking has no hypothesis check, or the expected cause is not a candidate), and whether the
 * expected cause had evidence of its own in the bundle: a signal the detectors raised on it or its pods in
 * the analysed time (null: not checked).
 */
public record CaseOutcome(String id, String system, String faultType, String expected, List<String> ranking,
                          int rank, double analysisMillis, String error, double topConfidence, Boolean explainsMost,
                          Boolean ownEvidence) {

    public CaseOutcome {
        ranking = List.copyOf(ranking);
    }

    /** An outcome whose own evidence was not checked. */
    public CaseOutcome(String id, String system, String faultType, String expected, List<String> ranking,
                       int rank, double analysisMillis, String error, double topConfidence, Boolean explainsMost) {
        this(id, system, faultType, expected, ranking, rank, analysisMillis, error, topConfidence, explainsMost, null);
    }

    /** An outcome without a hypothesis check. */
    public CaseOutcome(String id, String system, String faultType, String expected, List<String> ranking,
                       int rank, double analysisMillis, String error, double topConfidence) {
        this(id, system, faultType, expected, ranking, rank, analysisMillis, error, topConfidence, null);
    }

    /** An outcome without a confidence (rankings that give none, failed cases). */
    public CaseOutcome(String id, String system, String faultType, String expected, List<String> ranking,
                       int rank, double analysisMillis, String error) {
        this(id, system, faultType, expected, ranking, rank, analysisMillis, error, Double.NaN, null);
    }

    /** Whether the expected cause is within the top k. */
    public boolean hit(int k) {
        return rank > 0 && rank <= k;
    }

    /** The rank of {@code expected} in a service-level ranking, comparing names case-insensitively (0: absent). */
    public static int rankOf(String expected, List<String> ranking) {
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i).equalsIgnoreCase(expected.strip())) {
                return i + 1;
            }
        }
        return 0;
    }
}
