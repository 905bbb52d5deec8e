package dev.taproot.rules.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule pack in force: the built-in pack overridden by a rules directory ({@code TAPROOT_RULES}),
 * reloaded when a file in the directory changes (checked at most every {@code checkEveryMillis} on
 * access; no thread). A bad file is reported with file, line and field, and the last good pack stays.
 */
public final class RuleDirectoryWatcher implements Supplier<RulePack> {

    private static final Logger LOG = LoggerFactory.getLogger(RuleDirectoryWatcher.class);
    public static final long DEFAULT_CHECK_MILLIS = 2_000;

    private final RulePack base;
    private final Path dir;
    private final RuleLoader loader;
    private final long checkEveryMillis;
    private volatile RulePack current;
    private volatile String stamp = "";
    private volatile long lastCheck;
    private volatile RuleFileException lastError;

    public RuleDirectoryWatcher(RulePack base, Path dir, RuleLoader loader, long checkEveryMillis) {
        this.base = base;
        this.dir = dir;
        this.loader = loader;
        this.checkEveryMillis = checkEveryMillis;
        this.current = base;
        reloadIfChanged(true);
    }

    @Override
    public RulePack get() {
        if (System.currentTimeMillis() - lastCheck >= checkEveryMillis) {
            reloadIfChanged(false);
        }
        return current;
    }

    /** The error of the last failed reload (null when the last load succeeded). */
    public RuleFileException lastError() {
        return lastError;
    }

    /** Checks now and reloads when something changed; returns the pack in force. */
    public synchronized RulePack reloadIfChanged(boolean force) {
        lastCheck = System.currentTimeMillis();
        String now = stamp();
        if (!force && now.equals(stamp)) {
            return current;
        }
        stamp = now;
        try {
            current = base.overriddenBy(loader.loadDirectory(dir));
            lastError = null;
            LOG.info("rules loaded: {} rules ({})", current.rules().size(), dir);
        } catch (RuleFileException e) {
            lastError = e;
            LOG.error("rules in {} not reloaded, keeping the last good pack: {}", dir, dev.taproot.graph.store.ErrorMessages.describe(e));
        }
        return current;
    }

    private String stamp() {
        if (!Files.isDirectory(dir)) {
            return "missing";
        }
        var sb = new StringBuilder();
        for (Path f : RuleLoader.ruleFiles(dir)) {
            try {
                sb.append(f.getFileName()).append(':').append(Files.getLastModifiedTime(f).toMillis())
                        .append(':').append(Files.size(f)).append(';');
            } catch (IOException e) {
                sb.append(f.getFileName()).append(":?;");
            }
        }
        return sb.toString();
    }

    /** The directory watched. */
    public List<Path> files() {
        return RuleLoader.ruleFiles(dir);
    }
}
