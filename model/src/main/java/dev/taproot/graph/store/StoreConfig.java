package dev.taproot.graph.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the graph lives.
 *
 * @param uri          a Neo4j URI for external mode ({@code neo4j://host:7687}); null for embedded
 * @param user         external mode user
 * @param password     external mode password
 * @param database     the database name (Community serves one: {@code neo4j})
 * @param dataDir      embedded mode: the directory for the store files ({@code <data>/graph})
 * @param boltPort     embedded mode: the loopback Bolt port (0, the default, picks a free one that only
 *                     Taproot uses; a fixed port is for Neo4j tools, which log in with the generated credentials)
 * @param pageCacheMb  embedded mode: page cache size in MB
 */
public record StoreConfig(String uri, String user, String password, String database, Path dataDir, int boltPort,
                          int pageCacheMb) {

    /** Bolt on a free loopback port, for Taproot's own driver only. */
    public static final int DEFAULT_BOLT_PORT = 0;
    public static final int DEFAULT_PAGE_CACHE_MB = 128;
    public static final String DEFAULT_DATABASE = "neo4j";

    public StoreConfig {
        database = database == null || database.isBlank() ? DEFAULT_DATABASE : database;
        pageCacheMb = pageCacheMb <= 0 ? DEFAULT_PAGE_CACHE_MB : pageCacheMb;
        if (uri == null && dataDir == null) {
            throw new IllegalArgumentException("either a Neo4j URI or an embedded data directory is required");
        }
        if (boltPort < 0 || boltPort > 65535) {
            throw new IllegalArgumentException("bolt port out of range: " + boltPort);
        }
    }

    /** Embedded Neo4j in {@code dataDir}, Bolt on 127.0.0.1:{@code boltPort}. */
    public static StoreConfig embedded(Path dataDir, int boltPort) {
        return embedded(dataDir, boltPort, DEFAULT_PAGE_CACHE_MB);
    }

    /** Embedded Neo4j with a page cache of {@code pageCacheMb} (off the Java heap). */
    public static StoreConfig embedded(Path dataDir, int boltPort, int pageCacheMb) {
        return new StoreConfig(null, null, null, DEFAULT_DATABASE, dataDir, boltPort, pageCacheMb);
    }

    /** An external Neo4j server or cluster. */
    public static StoreConfig external(String uri, String user, String password) {
        return new StoreConfig(uri, user, password, DEFAULT_DATABASE, null, 0, DEFAULT_PAGE_CACHE_MB);
    }

    public boolean isEmbedded() {
        return uri == null;
    }

    /**
     * Reads {@code TAPROOT_NEO4J_URI}, {@code TAPROOT_NEO4J_USER}, {@code TAPROOT_NEO4J_PASSWORD},
     * {@code TAPROOT_NEO4J_DATABASE}, {@code TAPROOT_BOLT_PORT} and {@code TAPROOT_PAGE_CACHE_MB};
     * without a URI the store is embedded under {@code <dataRoot>/graph}.
     */
    public static StoreConfig fromEnvironment(Map<String, String> env, Path dataRoot) {
        String uri = env.get("TAPROOT_NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            return new StoreConfig(uri, env.getOrDefault("TAPROOT_NEO4J_USER", "neo4j"),
                    env.getOrDefault("TAPROOT_NEO4J_PASSWORD", ""), env.get("TAPROOT_NEO4J_DATABASE"), null, 0, 0);
        }
        int port = Settings.integer(env, "TAPROOT_BOLT_PORT", DEFAULT_BOLT_PORT);
        int pageCache = Settings.integer(env, "TAPROOT_PAGE_CACHE_MB", DEFAULT_PAGE_CACHE_MB);
        if (pageCache < 8) {
            throw new IllegalArgumentException("TAPROOT_PAGE_CACHE_MB must be at least 8, was " + pageCache);
        }
        return new StoreConfig(null, null, null, DEFAULT_DATABASE, dataRoot.resolve("graph"), port, pageCache);
    }
}
