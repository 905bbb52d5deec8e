/**
 * Incident memory search: the {@link dev.taproot.search.IncidentIndex} port, its queries and hits.
 * The Lucene adapter lives in {@code dev.taproot.search.lucene}; nothing here knows HTTP or Neo4j.
 */
package dev.taproot.search;
