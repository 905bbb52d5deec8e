package dev.taproot.graph.model;

import java.time.Instant;

/**
 * What a person said about Taproot's answer: a past incident helped or did not, a root cause was
 * right or wrong. Stored in the graph with who and when; read back as ranking signals for similar
 * incidents and as priors on causes.
 *
 * @param id         stable identity (a UUID when the caller gives none)
 * @param kind       what the feedback says
 * @param incidentId the past incident it is about (HELPED / NOT_HELPED; optional for causes)
 * @param cause      the cause entity, key or name (CAUSE_CONFIRMED / CAUSE_REJECTED)
 * @param faultType  the cause's fault type, when known
 * @param analysisId the analysis the feedback answers, when any
 * @param by         who gave it
 * @param at         when
 * @param comment    free text
 */
public record Feedback(String id, Kind kind, String incidentId, String cause, String faultType, String analysisId,
                       String by, Instant at, String comment) {

    /** What the feedback says. */
    public enum Kind {
        /** This past incident helped with the current failure. */
        HELPED,
        /** This past incident did not help. */
        NOT_HELPED,
        /** This cause was the right one. */
        CAUSE_CONFIRMED,
        /** This cause was wrong. */
        CAUSE_REJECTED
    }

    public Feedback {
        ModelChecks.saneTime(at, "feedback.at");
        ModelChecks.requireText(id, "feedback.id");
        if (kind == null) {
            throw new IllegalArgumentException("feedback.kind is required");
        }
        ModelChecks.requireText(by, "feedback.by");
        if (at == null) {
            throw new IllegalArgumentException("feedback.at is required");
        }
        boolean aboutIncident = kind == Kind.HELPED || kind == Kind.NOT_HELPED;
        if (aboutIncident && (incidentId == null || incidentId.isBlank())) {
            throw new IllegalArgumentException("feedback.incident is required for " + kind);
        }
        if (!aboutIncident && (cause == null || cause.isBlank())) {
            throw new IllegalArgumentException("feedback.cause is required for " + kind);
        }
    }
}
