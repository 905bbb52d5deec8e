package dev.taproot.search.lucene;

import java.util.Map;

/**
 * How the parts of a similarity score weigh. The defaults were chosen on the leave-one-out
 * evaluation (see the README); the evaluation can pass others to compare.
 *
 * @param fieldBoosts   BM25 boost per text field
 * @param tieBreaker    how much a term's weaker fields add to its best field (dismax tie breaker)
 * @param service       constant score for each query entity among the incident's affected/cause entities
 * @param neighbour     the same for a neighbour of a query entity
 * @param rootCause     for a candidate cause that was the incident's root cause
 * @param fault         for the same fault type
 * @param alert         for the same alert name
 * @param fingerprint   for each shared fingerprint token
 * @param recency       how much a fresh incident gains over an old one (multiplier 1 + recency * 2^(-age/halfLife))
 * @param recencyHalfLifeDays half-life of that gain, in days
 * @param feedback      how much net helpful feedback lifts an incident (multiplier 1 + feedback * tanh(net / 2))
 * @param maxQueryTerms longest text query, in distinct terms (the first ones of the text are kept)
 * @param commonTerms   in a history of at least {@link #COMMON_TERMS_MIN_DOCS} incidents, a text term found in
 *                      more than this share of them is left out of the query when rarer terms remain (its BM25
 *                      weight is near nothing, its postings are the longest); 0 keeps every term
 */
public record SearchWeights(Map<String, Float> fieldBoosts, float tieBreaker, float service, float neighbour,
                            float rootCause, float fault, float alert, float fingerprint, double recency,
                            double recencyHalfLifeDays, double feedback, int maxQueryTerms,
                            double commonTerms) {

    /** Below this many incidents every text term is kept, however common. */
    public static final int COMMON_TERMS_MIN_DOCS = 10_000;

    public static final SearchWeights DEFAULT = new SearchWeights(IncidentFields.defaultBoosts(), 0.5f,
            0.3f, 0.1f, 0.5f, 1.0f, 1.0f, 0.5f, 0.1, 365, 0.3, 64, 0.1);

    public SearchWeights {
        fieldBoosts = Map.copyOf(fieldBoosts);
    }

    /** Plain BM25 over the text fields, every field weighted 1, nothing else (the evaluation baseline). */
    public static SearchWeights plainBm25() {
        var ones = new java.util.HashMap<String, Float>();
        IncidentFields.TEXT_FIELDS.forEach(f -> ones.put(f, 1.0f));
        return new SearchWeights(ones, 1.0f, 0, 0, 0, 0, 0, 0, 0, 365, 0, 1024, 0);
    }
}
