package dev.taproot.ingest.incidents;

import dev.taproot.graph.model.Incident;

/**
 * One record read from an incident source: either an incident or the reason it was refused.
 *
 * @param line      where it starts (line or record number)
 * @param incident  the incident, or null when rejected
 * @param rejection why it was refused, or null
 */
public record ParsedIncident(long line, Incident incident, RecordRejection rejection) {

    public static ParsedIncident ok(long line, Incident incident) {
        return new ParsedIncident(line, incident, null);
    }

    public static ParsedIncident rejected(RecordRejection rejection) {
        return new ParsedIncident(rejection.line(), null, rejection);
    }

    public boolean isOk() {
        return incident != null;
    }
}
