package dev.taproot.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What to look for: free text and, when the query comes from a failure, its structure. Every list
 * may be empty; at least one part must be given.
 *
 * @param text            free text (symptom, alert summaries, log lines)
 * @param services        names or keys of the entities involved (symptom and candidate entities)
 * @param neighbours      names of entities next to them (a weaker match)
 * @param alerts          alert names
 * @param faultTypes      fault or signal types seen (e.g. {@code OOMKilled}, {@code cpu_contention})
 * @param entityTypes     types of the entities involved (e.g. {@code Database})
 * @param signatures      error signatures and log templates
 * @param candidateCauses names or keys of candidate root-cause entities
 * @param fingerprint     failure fingerprint tokens ({@code cause-type>effect-type}, {@code EntityType:SignalType})
 * @param asOf            "now" for recency (null: the current time)
 * @param feedback        net helpfulness per incident id (helped minus did-not-help), from feedback
 * @param limit           how many hits
 * @param explain         whether each hit carries the full score explanation tree
 */
public record SimilarQuery(String text, List<String> services, List<String> neighbours, List<String> alerts,
                           List<String> faultTypes, List<String> entityTypes, List<String> signatures,
                           List<String> candidateCauses, List<String> fingerprint, Instant asOf,
                           Map<String, Integer> feedback, int limit, boolean explain) {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 100;

    public SimilarQuery {
        text = text == null ? "" : text;
        services = copy(services);
        neighbours = copy(neighbours);
        alerts = copy(alerts);
        faultTypes = copy(faultTypes);
        entityTypes = copy(entityTypes);
        signatures = copy(signatures);
        candidateCauses = copy(candidateCauses);
        fingerprint = copy(fingerprint);
        feedback = feedback == null ? Map.of() : Map.copyOf(feedback);
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        if (limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be at most " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** A free-text query. */
    public static SimilarQuery text(String text, int limit) {
        return builder().text(text).limit(limit).build();
    }

    /** Whether nothing at all was asked. */
    public boolean isEmpty() {
        return text.isBlank() && services.isEmpty() && neighbours.isEmpty() && alerts.isEmpty()
                && faultTypes.isEmpty() && entityTypes.isEmpty() && signatures.isEmpty()
                && candidateCauses.isEmpty() && fingerprint.isEmpty();
    }

    /** The same query with feedback scores attached. */
    public SimilarQuery withFeedback(Map<String, Integer> scores) {
        return new SimilarQuery(text, services, neighbours, alerts, faultTypes, entityTypes, signatures,
                candidateCauses, fingerprint, asOf, scores, limit, explain);
    }

    /** The same query without its structured parts: plain BM25 over the text (the evaluation baseline). */
    public SimilarQuery textOnly() {
        return new SimilarQuery(text, null, null, null, null, null, null, null, null, asOf, null, limit, explain);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a query part by part. */
    public static final class Builder {
        private String text = "";
        private List<String> services = List.of(), neighbours = List.of(), alerts = List.of(), faultTypes = List.of(),
                entityTypes = List.of(), signatures = List.of(), causes = List.of(), fingerprint = List.of();
        private Instant asOf;
        private Map<String, Integer> feedback = Map.of();
        private int limit = DEFAULT_LIMIT;
        private boolean explain;

        public Builder text(String v) { text = v; return this; }
        public Builder services(List<String> v) { services = v; return this; }
        public Builder neighbours(List<String> v) { neighbours = v; return this; }
        public Builder alerts(List<String> v) { alerts = v; return this; }
        public Builder faultTypes(List<String> v) { faultTypes = v; return this; }
        public Builder entityTypes(List<String> v) { entityTypes = v; return this; }
        public Builder signatures(List<String> v) { signatures = v; return this; }
        public Builder candidateCauses(List<String> v) { causes = v; return this; }
        public Builder fingerprint(List<String> v) { fingerprint = v; return this; }
        public Builder asOf(Instant v) { asOf = v; return this; }
        public Builder feedback(Map<String, Integer> v) { feedback = v; return this; }
        public Builder limit(int v) { limit = v; return this; }
        public Builder explain(boolean v) { explain = v; return this; }

        public SimilarQuery build() {
            return new SimilarQuery(text, services, neighbours, alerts, faultTypes, entityTypes, signatures, causes,
                    fingerprint, asOf, feedback, limit, explain);
        }
    }
}
