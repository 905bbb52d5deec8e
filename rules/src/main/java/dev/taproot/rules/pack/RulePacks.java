package dev.taproot.rules.pack;

import java.nio.file.Path;
import java.util.function.Supplier;

import dev.taproot.graph.vocabulary.Vocabulary;

/** The rule pack in force for an application: the built-in pack, overridden by a rules directory. */
public final class RulePacks {

    private RulePacks() {
    }

    /**
     * The built-in pack overridden by {@code dir} (null: the built-in pack alone); the directory is
     * reloaded on change. A bad file at startup is an error naming file, line and field.
     */
    public static Supplier<RulePack> inForce(Path dir) {
        Path d = dir;
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
