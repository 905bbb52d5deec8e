/**
 * Neo4j Community inside the Taproot process ({@link dev.taproot.graph.embedded.EmbeddedNeo4j}): its
 * start-up, Bolt login, panic recovery, and the reads and writes that go through its Java API instead of
 * Bolt. This is the only package that imports the embedded DBMS ({@code org.neo4j.dbms}, {@code .graphdb},
 * {@code .kernel}, ...); {@code taproot-graph} finds it through
 * {@link dev.taproot.graph.neo4j.EmbeddedDbmsProvider} and {@link java.util.ServiceLoader}, so a deployment
 * against an external Neo4j server can leave this module and the DBMS's jars off the class path.
 */
package dev.taproot.graph.embedded;
