package dev.taproot.ingest.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a stream without ever holding more than {@code maxLineBytes} of one line:
 * a longer line is skipped to its end and reported as oversize. Counts bytes for progress.
 */
final class BoundedLineReader implements AutoCloseable {

    /** A line, or the fact that it was too long. */
    record Line(long number, String text, boolean oversize, boolean lastWithoutNewline) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[1024];
    private long lineNumber;
    private long bytesRead;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() {
        int length = 0;
        boolean oversize = false;
        boolean sawAny = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                lineNumber++;
                return new Line(lineNumber, oversize ? null : decode(length), oversize, true);
            }
            byte b = buffer[pos++];
            bytesRead++;
            sawAny = true;
            if (b == '\n') {
                lineNumber++;
                return new Line(lineNumber, oversize ? null : decode(length), oversize, false);
            }
            if (oversize) {
                continue;
            }
            if (length == maxLineBytes) {
                oversize = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
            }
            line[length++] = b;
        }
    }

    private String decode(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        String s = new String(line, 0, end, StandardCharsets.UTF_8);
        if (line.length > 64 * 1024) {
            line = new byte[1024];
        }
        return s;
    }

    private boolean fill() {
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading failed after " + bytesRead + " bytes: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    long bytesRead() {
        return bytesRead;
    }

    long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: we only read
        }
    }
}
