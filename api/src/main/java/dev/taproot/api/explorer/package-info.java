/**
 * The graph explorer: entity search, neighbourhood, paths, blast radius, timeline, health scores,
 * read-only Cypher and SPARQL, served under {@code /api/v1/explorer} and drawn by the page at {@code /}.
 * The page's own reads compose these views rather than redefine them: {@link ServiceGraph} folds
 * workloads into their service and colours by {@link HealthScores}; {@link NodeDetails} assembles a
 * node's panel from {@link Timeline}, {@link HealthScores} and {@link GraphViews#blastRadius}.
 */
package dev.taproot.api.explorer;
