package dev.taproot.api.cli;

import java.nio.file.Path;

import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.TaprootConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every command that opens the store shares. */
public final class StoreOptions {

    @Mixin
    ConfigOption configFile;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: store.dataDir, $TAPROOT_DATA, else ./data): graph in DIR/graph, index in DIR/index.")
    Path data;

    @Option(names = "--bolt-port", paramLabel = "PORT",
            description = "Loopback Bolt port of the embedded Neo4j, for Neo4j tools (default: store.embedded.bolt.port, $TAPROOT_BOLT_PORT, else 0 = a free port Taproot alone uses). Bolt always asks for the login in <data>/graph/bolt-credentials.")
    Integer boltPort;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: http.port, $TAPROOT_HTTP_PORT, else 8080; 0 = any free port).")
    Integer httpPort;

    /** The configuration the file, the environment and these options describe. */
    public TaprootConfig config() {
        return config(null);
    }

    /** The same, with a rules directory given on the command line (null: as configured). */
    public TaprootConfig config(Path rulesDir) {
        return configFile.load(new CommandLineOverrides(data, boltPort, httpPort, rulesDir));
    }
}
