package dev.taproot.api;

import java.nio.file.Path;
import java.util.Map;

import dev.taproot.graph.store.Settings;
import dev.taproot.graph.store.StoreConfig;

/**
 * Everything Taproot is configured with, built once at start from the environment and command-line
 * options, then passed to whatever needs it.
 *
 * @param dataDir  the data root: {@code <data>/graph} (embedded Neo4j), {@code <data>/index} (Lucene)
 * @param store    where the graph lives
 * @param httpHost the address the HTTP server binds
 * @param httpPort the HTTP port (0 picks a free one)
 */
public record TaprootConfig(Path dataDir, StoreConfig store, String httpHost, int httpPort) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    /** The data root from {@code --data}, else {@code TAPROOT_DATA}, else {@code ./data}. */
    public static Path dataDir(Path option, Map<String, String> env) {
        if (option != null) {
            return option;
        }
        String fromEnv = env.get("TAPROOT_DATA");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("data");
    }

    /**
     * Builds the configuration; options given on the command line win over the environment
     * ({@code TAPROOT_NEO4J_URI}, {@code TAPROOT_BOLT_PORT}, {@code TAPROOT_HTTP_PORT}, {@code TAPROOT_HTTP_HOST}).
     */
    public static TaprootConfig from(Path dataOption, Integer boltPortOption, Integer httpPortOption,
                                     Map<String, String> env) {
        Path data = dataDir(dataOption, env).toAbsolutePath().normalize();
        StoreConfig store = StoreConfig.fromEnvironment(env, data);
        if (boltPortOption != null && store.isEmbedded()) {
            store = StoreConfig.embedded(store.dataDir(), boltPortOption, store.pageCacheMb());
        }
        int httpPort = httpPortOption != null ? httpPortOption : Settings.integer(env, "TAPROOT_HTTP_PORT", DEFAULT_HTTP_PORT);
        String host = env.getOrDefault("TAPROOT_HTTP_HOST", DEFAULT_HTTP_HOST);
        return new TaprootConfig(data, store, host, httpPort);
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
