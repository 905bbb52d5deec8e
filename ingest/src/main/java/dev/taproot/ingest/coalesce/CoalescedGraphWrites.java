package dev.taproot.ingest.coalesce;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.detect.TelemetryEntities;

/**
 * The graph writes of pushed telemetry (OTLP traces and logs arriving many times a second), coalesced
 * and written by one writer at a time.
 *
 * <ul>
 *   <li>A push whose records the store already holds unchanged writes nothing.</li>
 *   <li>A push that changes what an analysis reads (a new entity or CALLS edge, an earlier start of an
 *       edge, a signal) is answered only once its records are stored: it waits for the next write, which
 *       takes every push waiting with it in one transaction (a group commit).</li>
 *   <li>A push that only refreshes the figures of edges already stored (requests, errors, latency
 *       percentiles of a CALLS edge) is written with the others at most {@code flushInterval} later, or
 *       at {@link #flush()} and {@link #close()}; the last push's figures win, as they did before.</li>
 * </ul>
 * What is known to be stored is the set of records this buffer wrote since the store last changed
 * under it ({@link GraphStore#writeGeneration()}): any other write, anywhere (a topology ingest, a
 * cleared store), makes the next push write its records again. Name lookups of pushes
 * ({@link #lookups()}) are cached the same way.
 */
public final class CoalescedGraphWrites implements AutoCloseable {

    /** How long figures of known edges may wait before they are written. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    /** Waiting records past which a push writes at once rather than wait for the timer. */
    static final int MAX_PENDING = 20_000;

    /** Most names whose lookups are cached; past it the cache starts over. */
    static final int MAX_CACHED_NAMES = 10_000;

    private static final System.Logger LOG = System.getLogger(CoalescedGraphWrites.class.getName());

    private final GraphStore store;
    private final PendingWrites pending = new PendingWrites();
    /** One writer of pushed records at a time. */
    private final ReentrantLock writer = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private final Map<String, CachedLookup> names = new ConcurrentHashMap<>();
    /** Pushes added so far (guarded by {@code pending}). */
    private long added;
    /** The store's write generation when {@code pending}'s knowledge of it was last confirmed (guarded by {@code pending}). */
    private long knownGeneration = -1;
    /** Whether this buffer's own write is under way (guarded by {@code pending}). */
    private boolean writing;
    /** Pushes whose records are stored (written by the writer only). */
    private volatile long stored;
    private volatile boolean closed;
    private volatile InFlight inFlight;

    private record CachedLookup(long generation, List<Entity> entities) {
    }

    /** This buffer's write under way: the generation it started from, and the names whose look-ups it may change. */
    private record InFlight(long from, Set<String> touched) {
    }

    /**
     * @param flushInterval how long figures of known edges may wait; zero writes every push that
     *                      changes anything at once (no timer)
     */
    public CoalescedGraphWrites(GraphStore store, Duration flushInterval) {
        this.store = store;
        if (flushInterval.isZero()) {
            this.timer = null;
        } else {
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "taproot-pushed-graph-writes");
                t.setDaemon(true);
                return t;
            });
            long millis = flushInterval.toMillis();
            timer.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Adds one push's records; returns once the store holds every record of it that an analysis reads.
     *
     * @throws RuntimeException when the write it waited for failed (its records wait for the next one)
     */
    public void write(GraphBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        long ticket;
        boolean now;
        synchronized (pending) {
            confirmKnowledge();
            now = pending.add(batch) || pending.size() > MAX_PENDING || timer == null || closed;
            ticket = ++added;
        }

        if (now) {
            writeThrough(ticket);
        }
    }

    /** Writes everything waiting; returns once it is stored. */
    public void flush() {
        long ticket;
        synchronized (pending) {
            ticket = added;
        }
        writeThrough(ticket);
    }

    /** Entity lookups for the analysis of a push: the store's, cached until the store is next written. */
    public TelemetryEntities.Graph lookups() {
        return new TelemetryEntities.Graph() {
            @Override
            public List<Entity> find(String nameOrAlias) {
                return cachedFind(nameOrAlias);
            }

            @Override
            public List<Relationship> relationshipsOf(String key) {
                return store.relationshipsOf(key);
            }
        };
    }

    /** Records waiting for a write (stored unchanged or not). */
    public int waiting() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private List<Entity> cachedFind(String name) {
        String key = lower(name);
        long generation = store.writeGeneration();
        CachedLookup hit = names.get(key);
        InFlight own = inFlight;
        if (hit != null && generation >= 0 && (hit.generation() == generation
                || own != null && generation == own.from() + 1 && hit.generation() == own.from() && !own.touched().contains(key))) {
            return hit.entities(); // cached as of now, or before this buffer's write under way, which leaves the name alone
        }
        List<Entity> found = List.copyOf(store.findEntities(name));
        if (generation >= 0 && generation % 2 == 0) {
            if (names.size() >= MAX_CACHED_NAMES) {
                names.clear();
            }
            names.put(key, new CachedLookup(generation, found));
        }
        return found;
    }

    /** Forgets what is known to be stored when the store was written by anyone else since it was confirmed. */
    private void confirmKnowledge() {
        long generation = store.writeGeneration();
        if (!writing && (generation < 0 || generation != knownGeneration)) {
            pending.forgetStored();
            knownGeneration = generation;
        }
    }

    private void writeThrough(long ticket) {
        writer.lock();
        try {
            if (stored >= ticket) {
                return; // a write that took this push's records has finished meanwhile
            }
            GraphBatch batch;
            long upTo;
            long before;
            synchronized (pending) {
                confirmKnowledge();
                batch = pending.drain();
                upTo = added;
                before = knownGeneration;
                writing = true;
            }
            try {
                if (!batch.isEmpty()) {
                    write(batch, before);
                }
                stored = upTo;
            } finally {
                synchronized (pending) {
                    writing = false;
                }
            }
        } finally {
            writer.unlock();
        }
    }

    private void write(GraphBatch batch, long before) {
        Set<String> touched = touchedNames(batch);
        inFlight = new InFlight(before, touched);
        try {
            store.write(batch);
        } catch (RuntimeException e) {
            synchronized (pending) {
                pending.restore(batch);
            }
            throw e;
        } finally {
            inFlight = null;
        }
        long after = store.writeGeneration();
        synchronized (pending) {
            if (before >= 0 && after == before + 2) {
                pending.stored(batch);
                keepLookups(touched, before, after);
            } else {
                pending.forgetStored(); // someone else wrote meanwhile: what is stored is no longer known
            }
            knownGeneration = after;
        }
    }

    /** The names whose look-ups a write may change: its entities' keys, names and aliases, and placeholders' keys. */
    private static Set<String> touchedNames(GraphBatch batch) {
        var touched = new HashSet<String>();
        batch.entities().forEach(e -> {
            touched.add(lower(e.key()));
            touched.add(lower(e.name()));
            e.aliases().forEach(a -> touched.add(lower(a)));
        });
        // relationships and signals create placeholders named by their entity keys
        batch.relationships().forEach(r -> {
            touched.add(lower(r.fromKey()));
            touched.add(lower(r.toKey()));
        });
        batch.signals().forEach(s -> touched.add(lower(s.entityKey())));
        return touched;
    }

    /**
     * After a write of this buffer's own, only look-ups of the names it touched can answer otherwise: the
     * others stay cached, as of the new generation.
     */
    private void keepLookups(Set<String> touched, long before, long after) {
        // re-stamped first, removed after: a look-up that read the store before this write and is cached
        // in between is removed, and one cached after keeps its old generation
        names.replaceAll((name, hit) -> hit.generation() == before ? new CachedLookup(after, hit.entities()) : hit);
        touched.forEach(names::remove);
    }

    private static String lower(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private void flushQuietly() {
        try {
            boolean waiting;
            synchronized (pending) {
                waiting = !pending.isEmpty();
            }
            if (waiting) {
                flush();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "writing pushed telemetry to the graph failed, retried at the next flush: "
                    + e.getMessage());
        }
    }

    /** Stops the timer and writes everything waiting. */
    @Override
    public void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        flush();
    }
}
