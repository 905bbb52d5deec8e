package dev.taproot.api.cli;

import java.nio.file.Path;
import java.util.function.Supplier;

import dev.taproot.api.config.CommandLineOverrides;
import dev.taproot.ingest.IngestRegistry;
import dev.taproot.ingest.standard.StandardIngestors;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.pack.RulePacks;

/** What the analysis commands share: the ingest registry and the rule pack in force. */
final class EvalWiring {

    private EvalWiring() {
    }

    /** Every ingestor Taproot knows. */
    static IngestRegistry registry() {
        return StandardIngestors.registry();
    }

    /** The built-in pack, overridden by {@code dir}, or else by the configured rules directory. */
    static Supplier<RulePack> rules(ConfigOption config, Path dir) {
        return RulePacks.inForce(config.load(new CommandLineOverrides(null, null, null, dir)).rulesDir());
    }
}
