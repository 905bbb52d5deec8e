package dev.taproot.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.pack.RulePacks;
import dev.taproot.search.lucene.LuceneIncidentIndex;

/**
 * The start-up work that needs no graph store, run on a thread of its own while the store opens: the
 * rule pack in force (loaded and checked), the type vocabulary, and the incident search index (opened;
 * reconciling it with the graph waits for the store). Each phase logs its time as the others do.
 */
final class StartupSide {

    private final CompletableFuture<Supplier<RulePack>> rules;
    private final CompletableFuture<LuceneIncidentIndex> index;

    StartupSide(TaprootConfig config) {
        this.rules = new CompletableFuture<>();
        this.index = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                long t1 = System.nanoTime();
                Supplier<RulePack> pack = RulePacks.inForce(config.rulesDir());
                pack.get();
                Taproot.startupTiming("rule pack loaded", t1);
                rules.complete(pack);
            } catch (RuntimeException | Error e) {
                rules.completeExceptionally(e);
            }
            try {
                long t2 = System.nanoTime();
                Vocabulary.standard();
                LuceneIncidentIndex opened = IncidentMemory.openIndex(config.indexDir());
                Taproot.startupTiming("incident index opened", t2);
                if (!index.complete(opened)) {
                    opened.close(); // discarded meanwhile
                }
            } catch (RuntimeException | Error e) {
                index.completeExceptionally(e);
            }
        }, "taproot-startup-side");
        t.setDaemon(true);
        t.start();
    }

    /** The rule pack in force, once loaded; rethrows what stopped it. */
    Supplier<RulePack> rules() {
        return join(rules);
    }

    /** The incident index, once open; rethrows what stopped it. The caller owns it from here. */
    LuceneIncidentIndex index() {
        return join(index);
    }

    /** Start-up failed elsewhere: closes the index if it was opened. */
    void discard() {
        if (!index.cancel(false)) {
            try {
                index.join().close();
            } catch (RuntimeException e) {
                // it failed to open, or closing it failed: nothing more to release
            }
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
