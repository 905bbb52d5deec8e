package dev.taproot.search;

import java.time.Instant;
import java.util.List;

/**
 * One past incident like the query.
 *
 * @param id          incident id
 * @param title       its title
 * @param score       final score (BM25 and structured matches, then recency and feedback)
 * @param started     when it started (null: unknown)
 * @param rootCause   its root-cause entity, when known
 * @param faultType   its fault type, when known
 * @param affected    the entities it affected
 * @param resolution  an excerpt of how it was resolved
 * @param runbook     its first runbook or postmortem link, or null
 * @param links       all its links
 * @param resolvedBy  who resolved it, or null
 * @param matched     why it matched: per field, the query terms found there and their share of the score
 * @param explanation the full score tree (only when asked for)
 */
public record SimilarHit(String id, String title, double score, Instant started, String rootCause, String faultType,
                         List<String> affected, String resolution, String runbook, List<String> links,
                         String resolvedBy, List<MatchReason> matched, Why explanation) {

    public SimilarHit {
        affected = affected == null ? List.of() : List.copyOf(affected);
        links = links == null ? List.of() : List.copyOf(links);
        matched = matched == null ? List.of() : List.copyOf(matched);
    }

    /** A one-line summary of why it matched, e.g. {@code title: timeout, pool; service: payment}. */
    public String why() {
        var sb = new StringBuilder();
        for (MatchReason m : matched) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(m.field()).append(": ").append(String.join(", ", m.terms()));
        }
        return sb.toString();
    }
}
