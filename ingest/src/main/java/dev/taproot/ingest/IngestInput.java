package dev.taproot.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

/**
 * One input to ingest: a file or a request body, with the name it arrived under (used for format
 * detection and in error messages) and the time it was observed (used when the data carries none).
 *
 * @param name       file name or a label such as {@code request}; a {@code .gz} suffix means gzip
 * @param content    the bytes (already gunzipped)
 * @param observedAt when the input was taken (for static topology: the ingest time)
 */
public record IngestInput(String name, byte[] content, Instant observedAt) {

    public IngestInput {
        name = name == null ? "input" : name;
        observedAt = observedAt == null ? Instant.now() : observedAt;
    }

    /** Reads a file, gunzipping {@code .gz} files, with its name minus the {@code .gz}. */
    public static IngestInput of(Path file, Instant observedAt) {
        try {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return new IngestInput(file.toString().substring(0, file.toString().length() - 3),
                            in.readAllBytes(), observedAt);
                }
            }
            return new IngestInput(file.toString(), Files.readAllBytes(file), observedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    /** A request body or string. */
    public static IngestInput of(String name, String text) {
        return new IngestInput(name, text.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The file name without directories, lower case. */
    public String fileName() {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The first non-blank characters, for content sniffing. */
    public String head(int chars) {
        String t = new String(content, 0, Math.min(content.length, chars * 4), StandardCharsets.UTF_8).stripLeading();
        return t.length() > chars ? t.substring(0, chars) : t;
    }
}
