package dev.taproot.api.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ids of incidents written to the graph but not yet committed to the index. Appended (and
 * forced to disk) before each graph write. Before an index commit the current file is sealed (renamed
 * to {@code <file>.<n>}) so that appends go on in a fresh one while the index commits; the sealed
 * files are deleted once the commit holds them. After a crash, every id in the current and sealed
 * files is re-indexed from the graph, so the index never lags the graph across a restart.
 */
final class PendingJournal implements AutoCloseable {

    private final Path file;
    private FileChannel channel;
    private long sealed;

    PendingJournal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            sealed = sealedFiles().stream().mapToLong(PendingJournal::sequence).max().orElse(0);
            channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The ids left by an earlier run that did not commit the index: sealed files first, then the current one. */
    synchronized Set<String> pending() {
        var out = new LinkedHashSet<String>();
        var files = new ArrayList<>(sealedFiles());
        files.add(file);
        for (Path f : files) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
            }
        }
        return out;
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
            throw new UncheckedIOException("cannot write " + file + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /**
     * Seals what was appended so far and starts a fresh file; the returned files are to be
     * {@linkplain #discard discarded} once an index commit holds their ids.
     */
    synchronized List<Path> seal() {
        try {
            if (channel.size() > 0) {
                channel.close();
                Path to = file.resolveSibling(file.getFileName() + "." + (++sealed));
                Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
                channel = open();
            }
            return sealedFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seal " + file + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** Deletes sealed files whose ids the index has committed. */
    synchronized void discard(List<Path> sealedFiles) {
        for (Path f : sealedFiles) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + f + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
            }
        }
    }

    /** Forgets every id (the index now holds them all). */
    synchronized void clear() {
        try {
            channel.truncate(0);
            channel.force(true);
            discard(sealedFiles());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    private List<Path> sealedFiles() {
        String prefix = file.getFileName() + ".";
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && sequence(f) > 0)
                    .sorted((a, b) -> Long.compare(sequence(a), sequence(b))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + file.getParent() + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    private static long sequence(Path sealedFile) {
        String name = sealedFile.getFileName().toString();
        try {
            return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return -1;
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
