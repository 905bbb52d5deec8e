package dev.taproot.ingest.incidents;

import java.util.Iterator;

/**
 * Reads incident records one at a time from a source, so an import holds one record (plus the
 * current batch) in memory whatever the file size. A bad record comes back as a rejection and the
 * reader goes on with the next.
 */
public interface IncidentReader extends Iterator<ParsedIncident>, AutoCloseable {

    /** How many bytes of the source were consumed so far (for progress and ETA). */
    long bytesRead();

    @Override
    void close();
}
