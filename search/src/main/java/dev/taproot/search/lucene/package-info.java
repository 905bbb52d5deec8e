/**
 * The Lucene adapter of {@link dev.taproot.search.IncidentIndex}: document fields, query building,
 * explanations. To add a structured match, index a keyword field in {@code IncidentFields}, add a
 * clause and its weight in {@code SimilarQueryBuilder} / {@code SearchWeights}, and check the
 * evaluation figures do not drop.
 */
package dev.taproot.search.lucene;
