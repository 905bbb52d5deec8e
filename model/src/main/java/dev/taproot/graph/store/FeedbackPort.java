package dev.taproot.graph.store;

import java.util.List;
import java.util.Map;

import dev.taproot.graph.model.Feedback;

/**
 * The feedback loop: what users said about incidents and their causes (ChatOps buttons, the API), and
 * the helpfulness scores it adds up to. Priors on causes are read through {@link IncidentReads#causePriors}.
 */
public interface FeedbackPort {

    /**
     * Stores feedback (idempotent by its id), linked to the incident it is about and to the cause
     * entity it names (by key or name) when they exist.
     */
    void addFeedback(Feedback feedback);

    /** The feedback about one incident, oldest first. */
    List<Feedback> feedbackAbout(String incidentId);

    /** Net helpfulness per incident id (helped minus did not help, one vote per author: the latest), for incidents with such feedback. */
    Map<String, Integer> incidentHelpfulness();
}
