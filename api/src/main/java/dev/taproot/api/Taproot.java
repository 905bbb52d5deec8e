package dev.taproot.api;

import java.util.function.Supplier;

import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.GraphStores;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.pack.RulePacks;

/**
 * The running application: the store and every component built on it, wired in one place from one
 * {@link TaprootConfig}. Closing it shuts everything down, the embedded DBMS last.
 */
public final class Taproot implements AutoCloseable {

    private final TaprootConfig config;
    private final GraphStore store;
    private final Vocabulary vocabulary;
    private final IncidentMemory memory;
    private final Supplier<RulePack> rules;

    private Taproot(TaprootConfig config, GraphStore store) {
        this.config = config;
        this.store = store;
        this.vocabulary = Vocabulary.standard();
        this.rules = RulePacks.inForce(config.rulesDir());
        this.memory = IncidentMemory.open(store, config.indexDir());
    }

    /** Opens the store (starting embedded Neo4j when configured) and wires the components. */
    public static Taproot start(TaprootConfig config) {
        dev.taproot.graph.store.OwnerOnlyFiles.secure(config.dataDir());
        GraphStore store = GraphStores.open(config.store());
        try {
            return new Taproot(config, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Wires the components over an already open store (tests share one embedded store). */
    public static Taproot over(TaprootConfig config, GraphStore store) {
        dev.taproot.graph.store.OwnerOnlyFiles.secure(config.dataDir());
        return new Taproot(config, store);
    }

    public TaprootConfig config() {
        return config;
    }

    public GraphStore store() {
        return store;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The rule pack in force: the built-in pack, overridden by the configured rules directory (one watcher, reloaded on change). */
    public Supplier<RulePack> rules() {
        return rules;
    }

    /** Past incidents: graph and search index kept in step (index under {@code <data>/index}). */
    public IncidentMemory memory() {
        return memory;
    }

    @Override
    public void close() {
        try {
            memory.close();
        } finally {
            store.close();
        }
    }
}
