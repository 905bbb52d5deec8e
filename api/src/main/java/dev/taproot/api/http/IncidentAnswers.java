package dev.taproot.api.http;

import java.util.List;

import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.model.Incident;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;

/** The answers of the incident memory's read endpoints ({@link IncidentRoutes}). */
public final class IncidentAnswers {

    private IncidentAnswers() {
    }

    /**
     * {@code GET /api/v1/incidents/similar}.
     *
     * @param query the query as run (with the neighbours it was widened to)
     * @param count how many hits
     * @param hits  past incidents, most similar first
     */
    public record Similar(SimilarQuery query, int count, List<SimilarHit> hits) {
    }

    /**
     * {@code GET /api/v1/incidents/{id}}.
     *
     * @param incident the stored incident
     * @param feedback what was said about it
     */
    public record OneIncident(Incident incident, List<Feedback> feedback) {
    }
}
