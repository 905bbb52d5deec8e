package dev.taproot.graph.neo4j;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;

/** Opens the store a configuration describes. */
public final class GraphStores {

    private GraphStores() {
    }

    /**
     * Starts embedded Neo4j or connects to the external one, then ensures the schema.
     *
     * @throws IllegalStateException for an embedded store when {@code taproot-graph-embedded} is not on the
     *                               class path (see {@link EmbeddedDbmsProvider#find()})
     */
    public static GraphStore open(StoreConfig config) {
        if (config.isEmbedded()) {
            EmbeddedDbms dbms = EmbeddedDbmsProvider.find().start(config.dataDir(), config.boltPort(), config.pageCacheMb());
            try {
                return Neo4jGraphStore.connect(dbms.boltUri(), dbms.user(), dbms.password(), config.database(), dbms);
            } catch (RuntimeException e) {
                dbms.close();
                throw e;
            }
        }
        return Neo4jGraphStore.connect(config.uri(), config.user(), config.password(), config.database(), null);
    }
}
