package dev.taproot.api.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ids of incidents written to the graph but not yet committed to the index. Appended (and
 * forced to disk) before each graph write, emptied after each index commit; after a crash, the ids it
 * still holds are re-indexed from the graph, so the index never lags the graph across a restart.
 */
final class PendingJournal implements AutoCloseable {

    private final Path file;
    private FileChannel channel;

    PendingJournal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The ids left by an earlier run that did not commit the index. */
    Set<String> pending() {
        try {
            var out = new LinkedHashSet<String>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records ids durably, before the graph write that they describe. */
    synchronized void append(Collection<String> ids) {
        var sb = new StringBuilder(ids.size() * 16);
        ids.forEach(id -> sb.append(id.replace('\n', ' ')).append('\n'));
        try {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets every id (the index now holds them all). */
    synchronized void clear() {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a journal we only appended to
        }
    }
}
