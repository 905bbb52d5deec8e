package dev.taproot.api.memory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.model.Incident;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.IncidentReader;
import dev.taproot.search.IncidentIndex;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.lucene.LuceneIncidentIndex;

/**
 * Taproot's memory of past incidents: the graph holds them (system of record), the Lucene index is
 * derived from it. Every write goes journal, then graph, then index; the index is committed every
 * {@link #COMMIT_EVERY} incidents and at the end of each import, and the journal covers the gap, so
 * after a crash {@link #recover()} puts the index back in line with the graph. The single-threaded
 * indexer applies batches in the order they were written to the graph.
 */
public final class IncidentMemory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentMemory.class);
    static final int COMMIT_EVERY = 100_000;
    static final int PAGE = 5_000;

    private final GraphStore store;
    private final int commitEvery;
    private final IncidentIndex index;
    private final PendingJournal journal;
    private final FeedbackScores feedback;
    /** Indexes batch k while the caller parses and writes batch k+1 to the graph. */
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "taproot-incident-indexer");
        t.setDaemon(true);
        return t;
    });
    /** How many batches indexing may run behind the graph (they stay in memory until indexed). */
    static final int MAX_INDEX_LAG = 4;
    private final Semaphore lag = new Semaphore(MAX_INDEX_LAG);
    private Future<?> indexing = CompletableFuture.completedFuture(null);
    private volatile Throwable indexFailure;
    private long uncommitted;
    private long journalNanos;
    private long graphNanos;
    private long indexWaitNanos;
    private volatile long commitNanos;

    IncidentMemory(GraphStore store, IncidentIndex index, Path journalFile) {
        this(store, index, journalFile, COMMIT_EVERY);
    }

    IncidentMemory(GraphStore store, IncidentIndex index, Path journalFile, int commitEvery) {
        this.commitEvery = commitEvery;
        this.store = store;
        this.index = index;
        this.journal = new PendingJournal(journalFile);
        this.feedback = new FeedbackScores(store);
    }

    /** Opens the index under {@code indexDir} and reconciles it with the graph. */
    public static IncidentMemory open(GraphStore store, Path indexDir) {
        return open(store, openIndex(indexDir), indexDir);
    }

    /** The search index under {@code indexDir}, opened without the graph (start-up opens it while the store starts). */
    public static LuceneIncidentIndex openIndex(Path indexDir) {
        return LuceneIncidentIndex.open(indexDir.resolve("incidents"));
    }

    /** Reconciles an index already {@link #openIndex opened} with the graph; the memory owns it from here. */
    public static IncidentMemory open(GraphStore store, LuceneIncidentIndex index, Path indexDir) {
        IncidentMemory memory;
        try {
            memory = new IncidentMemory(store, index, indexDir.resolve("incidents.pending"));
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
        try {
            memory.recover();
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
        return memory;
    }

    /** Imports records from a reader in batches; acknowledged batches are in the graph and the index journal. */
    public IncidentImporter.Summary importFrom(IncidentReader reader, IncidentImporter.Listener listener) {
        try {
            return new IncidentImporter().run(reader, this::write, listener);
        } finally {
            commit();
        }
    }

    /**
     * Writes a batch: journal, graph (one transaction), index. Durable in the graph when this returns;
     * indexing runs behind on its own thread, at most {@link #MAX_INDEX_LAG} batches behind, and every
     * {@link #COMMIT_EVERY} incidents it also commits the index, while the next batches go to the graph.
     */
    public synchronized void write(List<Incident> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        journal.append(batch.stream().map(Incident::id).toList());
        long t1 = System.nanoTime();
        store.upsertIncidents(batch);
        long t2 = System.nanoTime();
        uncommitted += batch.size();
        if (uncommitted >= commitEvery) {
            List<Path> sealed = journal.seal();
            uncommitted = 0;
            submit(() -> {
                index.upsert(batch);
                long c = System.nanoTime();
                index.commit();
                journal.discard(sealed);
                commitNanos += System.nanoTime() - c;
            });
        } else {
            submit(() -> index.upsert(batch));
        }
        journalNanos += t1 - t0;
        graphNanos += t2 - t1;
        indexWaitNanos += System.nanoTime() - t2;
    }

    /** Queues index work behind the batches already queued, waiting while {@link #MAX_INDEX_LAG} are. */
    private void submit(Runnable work) {
        try {
            lag.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing incidents", e);
        }
        rethrowIndexFailure();
        indexing = indexer.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                indexFailure = e;
            } finally {
                lag.release();
            }
        });
    }

    private void rethrowIndexFailure() {
        Throwable failure = indexFailure;
        if (failure != null) {
            indexFailure = null;
            throw new IllegalStateException("indexing incidents failed (the graph has them; a restart re-indexes them): "
                    + failure.getMessage(), failure);
        }
    }

    private void awaitIndexing() {
        try {
            indexing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing incidents", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("indexing incidents failed: " + dev.taproot.graph.store.ErrorMessages.describe(e.getCause()), e.getCause());
        }
        rethrowIndexFailure();
    }

    /** Commits the index (after the batches being indexed) and empties the journal. */
    public synchronized void commit() {
        long t0 = System.nanoTime();
        awaitIndexing();
        List<Path> sealed = journal.seal();
        index.commit();
        journal.discard(sealed);
        uncommitted = 0;
        commitNanos += System.nanoTime() - t0;
    }

    /**
     * Where write time went since start, in milliseconds: journal appends, graph writes, waiting for
     * the index to catch up, and commits.
     */
    public synchronized Map<String, Long> timingsMillis() {
        return Map.of("journal", journalNanos / 1_000_000, "graph", graphNanos / 1_000_000,
                "indexWait", indexWaitNanos / 1_000_000, "commit", commitNanos / 1_000_000);
    }

    /** Past incidents like the query, with feedback applied. */
    public List<SimilarHit> similar(SimilarQuery query) {
        if (query.isEmpty()) {
            throw new IllegalArgumentException("the query is empty: give text (q) or at least one of service, alert, fault, cause");
        }
        return index.similar(query.withFeedback(feedback.scores()));
    }

    public Optional<Incident> incident(String id) {
        return store.incident(id);
    }

    public IncidentIndex index() {
        return index;
    }

    public FeedbackScores feedback() {
        return feedback;
    }

    /**
     * What a reconciliation did.
     *
     * @param replayed journal ids re-indexed from the graph
     * @param added    incidents in the graph the index lacked
     * @param removed  index entries the graph does not have
     */
    public record Reconciliation(int replayed, int added, int removed) {
        public boolean changedAnything() {
            return replayed + added + removed > 0;
        }
    }

    /**
     * Puts the index in line with the graph: replays the journal, then, if the counts disagree,
     * compares the id sets (added: in graph only; removed: in index only).
     */
    public synchronized Reconciliation recover() {
        Set<String> pending = journal.pending();
        int replayed = 0;
        if (!pending.isEmpty()) {
            var ids = new ArrayList<>(pending);
            for (int from = 0; from < ids.size(); from += PAGE) {
                var page = ids.subList(from, Math.min(ids.size(), from + PAGE));
                var found = store.incidentsById(page);
                var missing = new HashSet<>(page);
                found.forEach(i -> missing.remove(i.id()));
                index.upsert(found);
                index.delete(missing);
                replayed += page.size();
            }
            commit();
        }
        int added = 0;
        int removed = 0;
        if (store.incidentCount() != index.count()) {
            Set<String> indexed = index.ids();
            String after = null;
            for (List<Incident> page; !(page = store.incidentsAfter(after, PAGE)).isEmpty(); after = page.getLast().id()) {
                var lacking = page.stream().filter(i -> !indexed.remove(i.id())).toList();
                index.upsert(lacking);
                added += lacking.size();
            }
            index.delete(indexed);
            removed = indexed.size();
            commit();
        }
        var r = new Reconciliation(replayed, added, removed);
        if (r.changedAnything()) {
            LOG.info("incident index reconciled with the graph: {} replayed, {} added, {} removed", replayed, added, removed);
        }
        return r;
    }

    /** Rebuilds the index from the graph; returns how many incidents it holds. */
    public synchronized long reindex(LongConsumer progress) {
        index.deleteAll();
        long n = 0;
        String after = null;
        for (List<Incident> page; !(page = store.incidentsAfter(after, PAGE)).isEmpty(); after = page.getLast().id()) {
            index.upsert(page);
            n += page.size();
            progress.accept(n);
        }
        commit();
        return n;
    }

    @Override
    public synchronized void close() {
        try {
            awaitIndexing();
            if (uncommitted > 0) {
                commit();
            }
        } finally {
            indexer.shutdown();
            journal.close();
            index.close();
        }
    }
}
