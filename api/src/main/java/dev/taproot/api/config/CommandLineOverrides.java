package dev.taproot.api.config;

import java.nio.file.Path;

/**
 * Values given on the command line; they win over the environment and the file. Null: not given.
 *
 * @param dataDir  {@code --data}
 * @param boltPort {@code --bolt-port}
 * @param httpPort {@code --port}
 * @param rulesDir {@code --rules}
 */
public record CommandLineOverrides(Path dataDir, Integer boltPort, Integer httpPort, Path rulesDir) {

    public static final CommandLineOverrides NONE = new CommandLineOverrides(null, null, null, null);
}
