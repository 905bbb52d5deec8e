package dev.taproot.search.embed;

/**
 * One ranked incident: its id and the score its ranking gave it (higher is better).
 *
 * @param id    incident id
 * @param score the ranking's score (BM25 and structured matches, cosine similarity, or a fused score)
 */
public record Scored(String id, double score) {
}
