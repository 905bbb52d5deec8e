package dev.taproot.api.cli;

import java.nio.file.Path;

import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.api.config.ConfigLoader;
import dev.taproot.api.config.TaprootConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE}: the configuration file every command that needs the configuration reads. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $TAPROOT_CONFIG, else none); environment variables override it.")
    Path file;

    /** The configuration: this file, the environment over it, {@code overrides} over both; warnings are printed, mistakes thrown. */
    public TaprootConfig load(CommandLineOverrides overrides) {
        ConfigLoader.Result result = ConfigLoader.fromProcess(file, overrides);
        result.warnings().forEach(w -> System.err.println("taproot: " + w));
        return result.orThrow();
    }
}
