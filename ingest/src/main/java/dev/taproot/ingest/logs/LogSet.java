package dev.taproot.ingest.logs;

import java.util.List;

import dev.taproot.ingest.Rejection;

/** The log records read from one input and those refused, with location and reason. */
public record LogSet(String source, List<LogRecord> records, List<Rejection> rejected) {

    public LogSet {
        records = List.copyOf(records);
        rejected = List.copyOf(rejected);
    }
}
