package dev.taproot.ingest;

/**
 * Reads one source format into the graph. A new source is one class implementing this interface,
 * registered in {@link IngestRegistry}.
 *
 * <p>An ingestor parses and validates every record of its input, turns the good ones into graph
 * records on the {@link GraphWriter}, and rejects the bad ones with their location and reason; one
 * bad record never stops the rest. It never writes to the store itself: the caller commits the
 * writer's batch in one transaction, so a failed request stores nothing.
 */
public interface Ingestor {

    /** A short stable name of the source format, for example {@code kubernetes} or {@code alertmanager}. */
    String format();

    /**
     * Whether this ingestor reads the given input, judged from its name (suffix) and, when the name
     * is ambiguous, its first bytes.
     */
    boolean accepts(IngestInput input);

    /**
     * Parses the input and adds what it describes to {@code writer}.
     *
     * @return counts of accepted records and every rejected record with its location and reason
     * @throws MalformedInputException when the input as a whole cannot be read (not YAML, not JSON)
     */
    IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException;

    /**
     * Whether an input of this format describes the whole topology of its source, so that a
     * relationship the same source reported before and no longer reports has vanished and is closed.
     * True for topology formats (manifests, edge lists, catalogs), false for signal formats.
     */
    default boolean describesTopology() {
        return false;
    }

    /**
     * Where this format goes when many files are ingested together: lower first. Topology
     * ({@value #TOPOLOGY_ORDER}) goes before signals ({@value #SIGNAL_ORDER}), so signals find the
     * entities they are about.
     */
    default int order() {
        return describesTopology() ? TOPOLOGY_ORDER : SIGNAL_ORDER;
    }

    /** {@link #order()} of topology formats. */
    int TOPOLOGY_ORDER = 10;
    /** {@link #order()} of signal formats. */
    int SIGNAL_ORDER = 100;
}
