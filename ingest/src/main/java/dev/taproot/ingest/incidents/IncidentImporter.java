package dev.taproot.ingest.incidents;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.taproot.graph.model.Incident;

/**
 * Streams incident records from a reader into a sink in batches: memory stays at one batch whatever
 * the input size. A batch is acknowledged when the sink returns (the sink makes it durable), so an
 * interrupted import loses nothing acknowledged, and re-running it updates by id instead of duplicating.
 */
public final class IncidentImporter {

    public static final int DEFAULT_BATCH_SIZE = 5_000;

    /** Where batches go; when {@link #write} returns, the batch is durable. */
    @FunctionalInterface
    public interface Sink {
        void write(List<Incident> batch);
    }

    /** Told about progress after every batch and about each rejected record. */
    public interface Listener {
        void progress(long imported, long rejected, long bytesRead);

        default void rejected(RecordRejection rejection) {
        }

        Listener NONE = (imported, rejected, bytes) -> { };
    }

    /**
     * What an import did.
     *
     * @param imported incident records stored (a record repeated in the input counts each time)
     * @param rejected records refused
     * @param elapsed  wall time
     */
    public record Summary(long imported, long rejected, Duration elapsed) {

        /** Imported records per second. */
        public double rate() {
            double s = Math.max(elapsed.toNanos() / 1e9, 1e-9);
            return imported / s;
        }

        /** {@code import: <n> incidents, <r> rejected, <rate>/s}. */
        public String line() {
            return String.format(Locale.ROOT, "import: %d incidents, %d rejected, %.0f/s", imported, rejected, rate());
        }

        public Summary plus(Summary other) {
            return new Summary(imported + other.imported, rejected + other.rejected, elapsed.plus(other.elapsed));
        }
    }

    private final int batchSize;

    public IncidentImporter() {
        this(DEFAULT_BATCH_SIZE);
    }

    public IncidentImporter(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Reads everything from {@code reader} into {@code sink}; closes the reader. */
    public Summary run(IncidentReader reader, Sink sink, Listener listener) {
        long t0 = System.nanoTime();
        long imported = 0;
        long rejected = 0;
        // the last record with an id wins inside a batch, as it would across batches
        Map<String, Incident> batch = new LinkedHashMap<>();
        int records = 0;
        try (reader) {
            while (reader.hasNext()) {
                ParsedIncident p = reader.next();
                if (p.isOk()) {
                    batch.remove(p.incident().id());
                    batch.put(p.incident().id(), p.incident());
                    records++;
                    if (records >= batchSize) {
                        sink.write(List.copyOf(batch.values()));
                        imported += records;
                        records = 0;
                        batch.clear();
                        listener.progress(imported, rejected, reader.bytesRead());
                    }
                } else {
                    rejected++;
                    listener.rejected(p.rejection());
                }
            }
            if (records > 0) {
                sink.write(List.copyOf(batch.values()));
                imported += records;
            }
            listener.progress(imported, rejected, reader.bytesRead());
        }
        return new Summary(imported, rejected, Duration.ofNanos(System.nanoTime() - t0));
    }
}
