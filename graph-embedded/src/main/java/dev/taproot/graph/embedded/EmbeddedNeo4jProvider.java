package dev.taproot.graph.embedded;

import java.nio.file.Path;

import dev.taproot.graph.neo4j.EmbeddedDbms;
import dev.taproot.graph.neo4j.EmbeddedDbmsProvider;

/**
 * Registered in {@code META-INF/services}: starts {@link EmbeddedNeo4j} for {@code GraphStores} and has it
 * restart itself after a panic. Loading this class touches no Neo4j class; starting does.
 */
public final class EmbeddedNeo4jProvider implements EmbeddedDbmsProvider {

    @Override
    public EmbeddedDbms start(Path home, int boltPort, int pageCacheMb) {
        return EmbeddedNeo4j.start(home, boltPort, pageCacheMb).watchForPanics();
    }
}
