package dev.taproot.ingest.incidents;

import dev.taproot.ingest.Rejection;

/**
 * An incident record refused by an import: where it was, which field, and why.
 *
 * @param source the file name or {@code request}
 * @param line   the line (NDJSON, CSV) or record number (JSON arrays, 1-based) where it starts
 * @param field  the offending field, or {@code null} when the record as a whole is bad
 * @param reason what is wrong
 */
public record RecordRejection(String source, long line, String field, String reason) {

    /** As the ingest framework's {@link Rejection}. */
    public Rejection toRejection() {
        return new Rejection(source, "line " + line, (field == null ? "" : "field '" + field + "': ") + reason);
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + (field == null ? "" : field + ": ") + reason;
    }
}
