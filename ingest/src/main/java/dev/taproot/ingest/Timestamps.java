package dev.taproot.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.taproot.graph.model.Times;

/** Parses the timestamps sources send: RFC 3339 with offsets and nanoseconds, epoch seconds or millis. */
public final class Timestamps {

    /** Go's zero time, which Alertmanager sends for "no end". */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private Timestamps() {
    }

    /**
     * The instant a text names, or null when it is empty or Go's zero time.
     *
     * @throws IllegalArgumentException naming the text when it is not a timestamp or lies outside
     *         {@link Times#EARLIEST} .. {@link Times#LATEST}
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        Instant at;
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            double n = Double.parseDouble(t);
            // seconds up to year ~5138, millis beyond
            at = n > 1e11 ? Instant.ofEpochMilli((long) n) : Instant.ofEpochMilli((long) (n * 1000));
        } else {
            try {
                at = OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    at = Instant.parse(t);
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException("'" + t + "' is not a timestamp (RFC 3339 expected)");
                }
            }
        }
        if (!at.isAfter(GO_ZERO.plusSeconds(86_400 * 366))) {
            return null;
        }
        if (at.isBefore(Times.EARLIEST) || at.isAfter(Times.LATEST)) {
            throw new IllegalArgumentException("'" + t + "' is " + at + ", outside " + Times.EARLIEST + " .. " + Times.LATEST);
        }
        return at;
    }
}
