package dev.taproot.api.cli;

import java.nio.file.Path;

import dev.taproot.api.config.TaprootConfig;
import picocli.CommandLine.Option;

/** Options every command that opens the store shares. */
public final class StoreOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: $TAPROOT_DATA, else ./data): graph in DIR/graph, index in DIR/index.")
    Path data;

    @Option(names = "--bolt-port", paramLabel = "PORT",
            description = "Loopback Bolt port of the embedded Neo4j, for Neo4j tools (default: $TAPROOT_BOLT_PORT, else 0 = a free port Taproot alone uses). Bolt always asks for the login in <data>/graph/bolt-credentials.")
    Integer boltPort;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: $TAPROOT_HTTP_PORT, else 8080; 0 = any free port).")
    Integer httpPort;

    /** The configuration these options and the environment describe. */
    public TaprootConfig config() {
        return TaprootConfig.from(data, boltPort, httpPort, System.getenv());
    }
}
