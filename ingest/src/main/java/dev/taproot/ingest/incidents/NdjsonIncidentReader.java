package dev.taproot.ingest.incidents;

import java.io.InputStream;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads NDJSON in the {@link TaprootIncidentSchema}: one incident per line, blank lines skipped.
 * Malformed JSON, oversize lines, a truncated last line and invalid fields are rejected with their
 * line number; the reader goes on with the next line.
 */
public final class NdjsonIncidentReader implements IncidentReader {

    /** The largest record accepted, in bytes. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
    static final String FORMAT = "taproot-ndjson";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String source;
    private final BoundedLineReader lines;
    private final int maxRecordBytes;
    private ParsedIncident next;

    public NdjsonIncidentReader(String source, InputStream in) {
        this(source, in, DEFAULT_MAX_RECORD_BYTES);
    }

    public NdjsonIncidentReader(String source, InputStream in, int maxRecordBytes) {
        this.source = source;
        this.lines = new BoundedLineReader(in, maxRecordBytes);
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            BoundedLineReader.Line line = lines.next();
            if (line == null) {
                return false;
            }
            next = parse(line);
        }
        return true;
    }

    @Override
    public ParsedIncident next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedIncident out = next;
        next = null;
        return out;
    }

    private ParsedIncident parse(BoundedLineReader.Line line) {
        if (line.oversize()) {
            return reject(line.number(), null, "record larger than " + maxRecordBytes + " bytes");
        }
        String text = line.text();
        if (text.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String problem = dev.taproot.ingest.JsonProblems.describe(e);
            return reject(line.number(), null, (line.lastWithoutNewline() ? "truncated or malformed JSON (last line, no newline): "
                    : "malformed JSON: ") + problem);
        }
        try {
            return ParsedIncident.ok(line.number(), TaprootIncidentSchema.toIncident(node, FORMAT));
        } catch (FieldException e) {
            return reject(line.number(), e.field(), dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    private ParsedIncident reject(long line, String field, String reason) {
        return ParsedIncident.rejected(new RecordRejection(source, line, field, reason));
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public void close() {
        lines.close();
    }
}
