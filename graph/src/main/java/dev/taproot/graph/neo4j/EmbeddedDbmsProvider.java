package dev.taproot.graph.neo4j;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Starts the embedded DBMS. Found with {@link ServiceLoader}: {@code taproot-graph-embedded} registers
 * one in {@code META-INF/services}. A deployment that only talks to an external Neo4j server leaves
 * that jar and the DBMS's own jars off the class path, and then {@link #find()} says what is missing.
 */
public interface EmbeddedDbmsProvider {

    /**
     * Starts the DBMS with its files under {@code home}.
     *
     * @param boltPort    the loopback Bolt port, 0 for a free one
     * @param pageCacheMb the page cache size
     * @throws IllegalStateException naming the directory or port when it cannot start
     */
    EmbeddedDbms start(Path home, int boltPort, int pageCacheMb);

    /**
     * The provider on the class path.
     *
     * @throws IllegalStateException saying how to put it back or how to configure an external Neo4j instead
     */
    static EmbeddedDbmsProvider find() {
        return ServiceLoader.load(EmbeddedDbmsProvider.class, EmbeddedDbmsProvider.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(MISSING));
    }

    /** Why an embedded store cannot open without the provider, and the two ways out. */
    String MISSING = "the store is embedded Neo4j (no external Neo4j URI is configured), but the embedded DBMS "
            + "is not on the class path (taproot-graph-embedded and the jars of lib-embedded/; the taproot "
            + "launcher leaves them out when TAPROOT_EMBEDDED=0). Either put them back (unset TAPROOT_EMBEDDED), "
            + "or use an external Neo4j server: set TAPROOT_NEO4J_URI=neo4j://host:7687 (with TAPROOT_NEO4J_USER "
            + "and TAPROOT_NEO4J_PASSWORD) or store.external.uri in the configuration file";
}
