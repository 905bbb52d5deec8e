package dev.taproot.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.ingest.IngestRegistry;
import dev.taproot.rules.pack.RuleDirectoryWatcher;
import dev.taproot.rules.pack.RuleLoader;
import dev.taproot.rules.pack.RulePack;

/** What the analysis commands share: the ingest registry and the rule pack in force. */
final class EvalWiring {

    private EvalWiring() {
    }

    /** Every ingestor Taproot knows. */
    static IngestRegistry registry() {
        return new IngestRegistry(List.of());
    }

    /** The built-in pack, overridden by {@code dir} or else by {@code $TAPROOT_RULES} when set. */
    static Supplier<RulePack> rules(Path dir) {
        Path d = dir;
        if (d == null && System.getenv("TAPROOT_RULES") != null && !System.getenv("TAPROOT_RULES").isBlank()) {
            d = Path.of(System.getenv("TAPROOT_RULES"));
        }
        if (d == null) {
            return RulePack::builtIn;
        }
        var watcher = new RuleDirectoryWatcher(RulePack.builtIn(), d, new RuleLoader(Vocabulary.standard()),
                RuleDirectoryWatcher.DEFAULT_CHECK_MILLIS);
        if (watcher.lastError() != null) {
            throw watcher.lastError();
        }
        return watcher;
    }
}
