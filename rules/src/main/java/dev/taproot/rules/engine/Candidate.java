package dev.taproot.rules.engine;

import dev.taproot.rules.evidence.Evidence;

/**
 * One root-cause candidate.
 *
 * @param entityKey   the entity the engine blames
 * @param name        its name
 * @param type        its entity type
 * @param serviceKey  the service-level entity it belongs to (itself for services)
 * @param faultType   the most specific fault signal type seen on it (for example {@code CPUAnomaly})
 * @param confidence  calibrated confidence in [0, 1]
 * @param score       raw ranking score (for comparisons within one analysis)
 * @param evidence    why: signal -> rule -> signal ... -> symptom, with times and values
 * @param hypothesis  the candidate checked as a hypothesis: symptoms explained, predicted effects not seen
 */
public record Candidate(String entityKey, String name, String type, String serviceKey, String faultType,
                        double confidence, double score, Evidence evidence, Hypothesis hypothesis) {

    /** A candidate not checked as a hypothesis. */
    public Candidate(String entityKey, String name, String type, String serviceKey, String faultType, double confidence,
                     double score, Evidence evidence) {
        this(entityKey, name, type, serviceKey, faultType, confidence, score, evidence, null);
    }

    public Candidate {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
    }
}
