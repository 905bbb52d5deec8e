package dev.taproot.ingest;

/**
 * A record an ingestor refused.
 *
 * @param source   the input (file name or {@code request})
 * @param location where in it: {@code document 3 (line 120)}, {@code alerts[2].labels}, {@code line 17}
 * @param reason   what is wrong, naming the field
 */
public record Rejection(String source, String location, String reason) {

    @Override
    public String toString() {
        return source + ": " + location + ": " + reason;
    }
}
