package dev.taproot.graph.neo4j;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;

/** Opens the store a configuration describes. */
public final class GraphStores {

    private GraphStores() {
    }

    /** Starts embedded Neo4j or connects to the external one, then ensures the schema. */
    public static GraphStore open(StoreConfig config) {
        if (config.isEmbedded()) {
            EmbeddedNeo4j dbms = EmbeddedNeo4j.start(config.dataDir(), config.boltPort(), config.pageCacheMb());
            try {
                var login = dbms.credentials();
                return Neo4jGraphStore.connect(dbms.boltUri(), login.user(), login.password(), config.database(), dbms);
            } catch (RuntimeException e) {
                dbms.close();
                throw e;
            }
        }
        return Neo4jGraphStore.connect(config.uri(), config.user(), config.password(), config.database(), null);
    }
}
