package dev.taproot.ingest.baseline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling per-series summaries of pushed telemetry, kept across requests and restarts: for each series
 * (a service's or a call edge's requests, error ratio and median latency; a log template's line count) the
 * most recent {@code maxBuckets} time buckets, for at most {@code maxSeries} series (the least recently
 * updated go first). It lives in memory and is saved to one file (written whole to a temporary file, then
 * moved over the old one, so a crash leaves the previous save) at most every {@link #SAVE_INTERVAL_MILLIS}
 * and on {@link #save()}; a missing file is an empty store, an unreadable one is set aside as
 * {@code <file>.unreadable} and reported by {@link #loadProblem()}. Thread-safe.
 */
public final class PushBaselineStore {

    /** Series kept by default. */
    public static final int DEFAULT_MAX_SERIES = 2_000;
    /** Buckets kept per series by default (at 30 s buckets, the last two hours of pushes). */
    public static final int DEFAULT_MAX_BUCKETS = 240;
    /** The least time between two saves made by {@link #saveIfDue()}. */
    public static final long SAVE_INTERVAL_MILLIS = 30_000;
    private static final int MAGIC = 0x54504231; // "TPB1"

    /**
     * One time bucket of a series.
     *
     * @param startMillis the bucket start
     * @param count       requests (traces) or lines (logs)
     * @param errorRatio  failed share of the requests; 0 for logs
     * @param latencyMs   median latency; NaN when unknown (no requests, logs)
     */
    public record Bucket(long startMillis, double count, double errorRatio, double latencyMs) {

        Bucket merge(Bucket other) {
            double n = count + other.count;
            double ratio = n == 0 ? 0 : (errorRatio * count + other.errorRatio * other.count) / n;
            double latency = Double.isNaN(latencyMs) ? other.latencyMs : Double.isNaN(other.latencyMs) ? latencyMs
                    : n == 0 ? latencyMs : (latencyMs * count + other.latencyMs * other.count) / n;
            return new Bucket(startMillis, n, ratio, latency);
        }
    }

    private final Path file;
    private final int maxSeries;
    private final int maxBuckets;
    private final LinkedHashMap<String, ArrayDeque<Bucket>> series;
    private String loadProblem;
    private boolean dirty;
    private long lastSave = System.currentTimeMillis();

    private PushBaselineStore(Path file, int maxSeries, int maxBuckets) {
        if (maxSeries < 1 || maxBuckets < 1) {
            throw new IllegalArgumentException("maxSeries and maxBuckets must be at least 1");
        }
        this.file = file;
        this.maxSeries = maxSeries;
        this.maxBuckets = maxBuckets;
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Bucket>> eldest) {
                return size() > PushBaselineStore.this.maxSeries;
            }
        };
    }

    /** A store kept in memory only (tests, or no data directory). */
    public static PushBaselineStore inMemory(int maxSeries, int maxBuckets) {
        return new PushBaselineStore(null, maxSeries, maxBuckets);
    }

    /** The store saved in {@code file}, loaded from it when it exists. */
    public static PushBaselineStore open(Path file, int maxSeries, int maxBuckets) {
        var store = new PushBaselineStore(file, maxSeries, maxBuckets);
        if (Files.exists(file)) {
            try {
                store.load();
            } catch (IOException | RuntimeException e) {
                store.series.clear();
                store.loadProblem = "the OTLP baseline in " + file + " could not be read (" + e.getMessage()
                        + "); starting empty, the old file kept as " + file.getFileName() + ".unreadable";
                try {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // the next save replaces it anyway
                }
            }
        }
        return store;
    }

    /** Why the saved baseline was not loaded, or null. */
    public synchronized String loadProblem() {
        return loadProblem;
    }

    /** Series held. */
    public synchronized int size() {
        return series.size();
    }

    /** The buckets of a series, oldest first (empty when unknown). */
    public synchronized List<Bucket> buckets(String key) {
        ArrayDeque<Bucket> b = series.get(key);
        return b == null ? List.of() : List.copyOf(b);
    }

    /** Adds a bucket to a series, merged into the bucket of the same start if it is held. */
    public synchronized void add(String key, Bucket bucket) {
        ArrayDeque<Bucket> b = series.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (!b.isEmpty() && b.peekLast().startMillis() == bucket.startMillis()) {
            b.addLast(b.pollLast().merge(bucket));
        } else if (!b.isEmpty() && b.peekLast().startMillis() > bucket.startMillis()) {
            var all = new ArrayList<>(b);
            int at = 0;
            while (at < all.size() && all.get(at).startMillis() < bucket.startMillis()) {
                at++;
            }
            if (at < all.size() && all.get(at).startMillis() == bucket.startMillis()) {
                all.set(at, all.get(at).merge(bucket));
            } else {
                all.add(at, bucket);
            }
            b.clear();
            b.addAll(all);
        } else {
            b.addLast(bucket);
        }
        while (b.size() > maxBuckets) {
            b.pollFirst();
        }
        dirty = true;
    }

    /** Saves when something changed and the last save is older than {@link #SAVE_INTERVAL_MILLIS}. */
    public void saveIfDue() {
        synchronized (this) {
            if (!dirty || System.currentTimeMillis() - lastSave < SAVE_INTERVAL_MILLIS) {
                return;
            }
        }
        save();
    }

    /** Writes the whole store to its file now (nothing for an in-memory store). */
    public synchronized void save() {
        if (file == null || !dirty) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeInt(MAGIC);
                out.writeInt(series.size());
                for (var e : series.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().size());
                    for (Bucket b : e.getValue()) {
                        out.writeLong(b.startMillis());
                        out.writeDouble(b.count());
                        out.writeDouble(b.errorRatio());
                        out.writeDouble(b.latencyMs());
                    }
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
            lastSave = System.currentTimeMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the OTLP baseline to " + file, e);
        }
    }

    private void load() throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a Taproot OTLP baseline file");
            }
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative series count");
            }
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                int buckets = in.readInt();
                if (buckets < 0 || buckets > 1_000_000) {
                    throw new IOException("series '" + key + "' claims " + buckets + " buckets");
                }
                var b = new ArrayDeque<Bucket>();
                for (int j = 0; j < buckets; j++) {
                    b.addLast(new Bucket(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble()));
                }
                while (b.size() > maxBuckets) {
                    b.pollFirst();
                }
                series.put(key, b);
            }
        }
    }
}
