package dev.taproot.search;

import java.util.List;

/**
 * Part of why a hit matched: the query terms found in one field and what they contributed.
 *
 * @param field the field (title, description, resolution, cause, tags, entities, service, fault, alert, ...)
 * @param terms the matching terms, as indexed (stemmed for text fields)
 * @param score their contribution to the Lucene score
 */
public record MatchReason(String field, List<String> terms, double score) {

    public MatchReason {
        terms = List.copyOf(terms);
    }
}
