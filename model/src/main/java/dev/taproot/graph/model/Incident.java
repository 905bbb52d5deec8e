package dev.taproot.graph.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A past or live incident: what was affected, what caused it, how it was resolved.
 *
 * @param id           stable identity, from the source (PagerDuty id, ticket number, postmortem file)
 * @param title        one-line summary
 * @param description  longer text: summary, timeline, impact
 * @param started      when it started
 * @param resolved     when it was resolved (null: open)
 * @param severity     source severity, free text
 * @param affected     keys or names of the affected entities (impact scope)
 * @param rootCause    key or name of the root-cause entity (null: unknown)
 * @param faultType    the fault type (a signal type of the vocabulary or free text), null when unknown
 * @param resolution   how it was fixed
 * @param links        runbook and postmortem links (absolute http(s) URLs only, see {@link WebLinks})
 * @param resolvedBy   who resolved it
 * @param tags         labels: categories, alert names, teams
 * @param properties   further flat fields from the source
 * @param source       where it came from
 */
public record Incident(String id, String title, String description, Instant started, Instant resolved,
                       String severity, List<String> affected, String rootCause, String faultType,
                       String resolution, List<String> links, String resolvedBy, List<String> tags,
                       Map<String, Object> properties, String source) {

    public Incident {
        ModelChecks.saneTime(started, "incident.started", Times.EARLIEST_INCIDENT);
        ModelChecks.saneTime(resolved, "incident.resolved", Times.EARLIEST_INCIDENT);
        ModelChecks.requireText(id, "incident.id");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        affected = affected == null ? List.of() : List.copyOf(affected);
        links = links == null ? List.of() : links.stream().map(l -> WebLinks.require(l, "incident " + id + ": link")).toList();
        tags = tags == null ? List.of() : List.copyOf(tags);
        properties = ModelChecks.flatProperties(properties, "incident " + id, java.util.Set.of("id"));
        source = source == null ? "unknown" : source;
        if (started != null && resolved != null && resolved.isBefore(started)) {
            throw new IllegalArgumentException("incident " + id + ": resolved is before started");
        }
    }
}
