/**
 * The graph explorer: entity search, neighbourhood, paths, blast radius, timeline, health scores,
 * read-only Cypher and SPARQL, served under {@code /api/v1/explorer} and drawn by the page at {@code /}.
 */
package dev.taproot.api.explorer;
