package dev.taproot.graph.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.taproot.graph.neo4j.GraphStores;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.StoreConfig;

/**
 * One embedded Neo4j per test JVM, shared by every test that needs a real store (starting one costs
 * 5-9 s). Tests clear it before use; it is shut down and deleted when the JVM exits.
 */
public final class TestStores {

    private static GraphStore embedded;
    private static GraphStore overBolt;
    private static Path home;

    private TestStores() {
    }

    /** The shared embedded store, started on first use, Bolt on a free loopback port. */
    public static synchronized GraphStore embedded() {
        if (embedded == null) {
            try {
                home = Files.createTempDirectory("taproot-test-graph");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            GraphStore store = GraphStores.open(StoreConfig.embedded(home, 0));
            embedded = new UncloseableStore(store);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.close();
                deleteQuietly(home);
            }, "taproot-test-store-shutdown"));
        }
        return embedded;
    }

    /**
     * The shared embedded DBMS seen only through the driver over Bolt, as an external server is: the
     * code path of external mode, tested without Docker.
     */
    public static synchronized GraphStore embeddedOverBolt() {
        if (overBolt == null) {
            var direct = (dev.taproot.graph.neo4j.Neo4jGraphStore) ((UncloseableStore) embedded()).delegate();
            var login = direct.embedded().orElseThrow();
            var store = dev.taproot.graph.neo4j.Neo4jGraphStore.connect(direct.uri(), login.user(), login.password(),
                    direct.database(), null);
            overBolt = new UncloseableStore(store);
            Runtime.getRuntime().addShutdownHook(new Thread(store::close, "taproot-test-bolt-store-shutdown"));
        }
        return overBolt;
    }

    /** The shared store, emptied. */
    public static GraphStore emptyEmbedded() {
        GraphStore store = embedded();
        store.clear();
        return store;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory
        }
    }
}
