package dev.taproot.rules.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * The runbooks in force with a directory: the built-in ones plus the directory's, reloaded when a
 * file is added, removed or changed (checked at most every {@link #DEFAULT_CHECK_MILLIS} ms, when
 * asked). A bad edit is logged and the last good set stays in force.
 */
public final class RunbookDirectory implements Supplier<Runbooks> {

    /** How often the directory is looked at, at most. */
    public static final long DEFAULT_CHECK_MILLIS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(RunbookDirectory.class);

    private final Path dir;
    private final Vocabulary vocabulary;
    private final long checkEveryMillis;
    private volatile Runbooks current;
    private List<String> stamp = List.of();
    private long checkedAt;

    public RunbookDirectory(Path dir, Vocabulary vocabulary, long checkEveryMillis) {
        this.dir = dir;
        this.vocabulary = vocabulary;
        this.checkEveryMillis = checkEveryMillis;
        this.stamp = stamp();
        this.current = Runbooks.with(dir, vocabulary);
        this.checkedAt = System.currentTimeMillis();
    }

    /** The runbooks in force: built-in only without a directory, else reloaded from it on change. */
    public static Supplier<Runbooks> inForce(Path dir, Vocabulary vocabulary) {
        if (dir == null) {
            Runbooks fixed = Runbooks.builtIn(vocabulary);
            return () -> fixed;
        }
        return new RunbookDirectory(dir, vocabulary, DEFAULT_CHECK_MILLIS);
    }

    @Override
    public Runbooks get() {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= checkEveryMillis) {
            reloadIfChanged();
        }
        return current;
    }

    /** Reloads when the files changed since the last load; returns what is in force. */
    public synchronized Runbooks reloadIfChanged() {
        checkedAt = System.currentTimeMillis();
        List<String> now = stamp();
        if (!now.equals(stamp)) {
            try {
                current = Runbooks.with(dir, vocabulary);
                LOG.info("runbooks reloaded from {}: {} in force", dir, current.all().size());
            } catch (RunbookFileException e) {
                LOG.warn("runbooks in {} not reloaded, the last good set stays in force: {}", dir, e.getMessage());
            }
            stamp = now;
        }
        return current;
    }

    private List<String> stamp() {
        var out = new ArrayList<String>();
        try {
            for (Path f : RunbookLoader.files(dir)) {
                out.add(f + "@" + Files.getLastModifiedTime(f).toMillis() + "/" + Files.size(f));
            }
        } catch (IOException | RunbookFileException e) {
            out.add("unreadable: " + e.getMessage());
        }
        return out;
    }
}
