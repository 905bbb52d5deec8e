/**
 * Feedback from people (helped / did not help, right / wrong cause), taken the same way on every surface
 * that accepts it; below the surfaces, which call {@link dev.taproot.api.feedback.FeedbackIntake}.
 */
package dev.taproot.api.feedback;
