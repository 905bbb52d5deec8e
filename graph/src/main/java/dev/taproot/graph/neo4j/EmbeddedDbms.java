package dev.taproot.graph.neo4j;

/**
 * A Neo4j DBMS running inside the Taproot process, as the driver-based {@link Neo4jGraphStore} sees it:
 * a Bolt address and login for the driver, in-process access for the reads and writes that skip Bolt,
 * and its health. The implementation lives in {@code taproot-graph-embedded}, found at run time through
 * {@link EmbeddedDbmsProvider}, so that this module needs no embedded DBMS on its class path.
 */
public interface EmbeddedDbms extends AutoCloseable {

    /** The Bolt URI the driver connects to (loopback). */
    String boltUri();

    /** The user of the Bolt login. */
    String user();

    /** The password of the Bolt login. */
    String password();

    /**
     * In-process access to {@code database} of the DBMS as it runs now. After a {@linkplain #onRestart
     * restart} the old access is useless: open a new one.
     */
    InProcessDatabase open(String database);

    /** Runs {@code listener} after each restart of the DBMS (after a panic), to rebuild what held the old one. */
    void onRestart(Runnable listener);

    /** Whether the DBMS answers: false while it recovers from a panic, and once closed. */
    boolean ready();

    /** Stops the DBMS. */
    @Override
    void close();
}
