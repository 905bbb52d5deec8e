package dev.taproot.graph.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.graph.neo4j.EmbeddedDbms;
import dev.taproot.graph.neo4j.InProcessDatabase;

/**
 * Neo4j Community running inside the Taproot process. Taproot's own driver reaches it over Bolt on
 * 127.0.0.1, on a free port unless an operator asked for a fixed one; the connector always demands
 * authentication with credentials generated for this data directory and kept beside it, owner-only
 * ({@link BoltCredentials}), because any local process can reach a loopback port. Cypher cannot read
 * files: {@code LOAD CSV} from {@code file:} URLs is off and the import directory is an empty,
 * owner-only folder.
 *
 * <p>Memory is bounded by configuration, not luck: one transaction may hold at most a quarter of the
 * heap and all transactions together half of it, so an oversized write fails cleanly instead of
 * exhausting the heap. If the database panics anyway (a disk or heap failure Neo4j cannot survive),
 * {@link #healthy()} turns false and {@link #restart()} brings it back on the same port: Neo4j's
 * recovery replays exactly the transactions that committed; {@link #watchForPanics()} does that unattended.
 */
public final class EmbeddedNeo4j implements EmbeddedDbms {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private volatile DatabaseManagementService dbms;
    private final Path home;
    private final int boltPort;
    private final int pageCacheMb;
    private final BoltCredentials credentials;
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private StoreWatchdog watchdog;

    private EmbeddedNeo4j(DatabaseManagementService dbms, Path home, int boltPort, int pageCacheMb,
                          BoltCredentials credentials) {
        this.dbms = dbms;
        this.home = home;
        this.boltPort = boltPort;
        this.pageCacheMb = pageCacheMb;
        this.credentials = credentials;
    }

    /**
     * Starts the DBMS with its files under {@code home}. {@code boltPort} 0 picks a free port.
     *
     * @throws IllegalStateException naming the directory or port when Neo4j cannot start
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, int pageCacheMb) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the graph directory " + home + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        BoltCredentials credentials = BoltCredentials.loadOrCreate(home);
        DatabaseManagementService dbms = build(home, boltPort, pageCacheMb);
        int port;
        try {
            port = boundPort(dbms, boltPort);
            credentials.apply(dbms);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
        LOG.info("embedded Neo4j started in {} ms, data in {}, Bolt on 127.0.0.1:{} (authenticated; credentials in {})",
                (System.nanoTime() - started) / 1_000_000, home, port, credentials.file());
        return new EmbeddedNeo4j(dbms, home, port, pageCacheMb, credentials);
    }

    private static DatabaseManagementService build(Path home, int boltPort, int pageCacheMb) {
        Path importDir = OwnerOnly.directory(home.resolve("import-disabled"));
        long heap = Runtime.getRuntime().maxMemory();
        try {
            return new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir.toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                    .setConfig(GraphDatabaseSettings.memory_tracking, true)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, heap / 4)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, heap / 2)
                    // Neo4j waits ~10 s for Bolt to drain at shutdown by default; Taproot closes its
                    // driver first, so nothing is left to drain.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("embedded Neo4j did not start in " + home
                    + (boltPort > 0 ? " with Bolt on 127.0.0.1:" + boltPort : "") + ": " + rootMessage(e), e);
        }
    }

    private static int boundPort(DatabaseManagementService dbms, int asked) {
        var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var register = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        var address = register.getLocalAddress(ConnectorType.BOLT);
        if (address == null) {
            throw new IllegalStateException("Bolt connector did not bind on 127.0.0.1:" + asked
                    + " (is the port in use? set TAPROOT_BOLT_PORT or --bolt-port)");
        }
        return address.getPort();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Restarts this DBMS whenever it panics, until it is closed; {@link #ready()} is false meanwhile. */
    public synchronized EmbeddedNeo4j watchForPanics() {
        if (watchdog == null && !closed) {
            watchdog = new StoreWatchdog(this);
        }
        return this;
    }

    @Override
    public boolean ready() {
        StoreWatchdog w = watchdog;
        return w == null ? healthy() : w.ready();
    }

    @Override
    public InProcessDatabase open(String database) {
        return new EmbeddedDatabase(dbms, database);
    }

    @Override
    public String user() {
        return credentials.user();
    }

    @Override
    public String password() {
        return credentials.password();
    }

    @Override
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    /** The generated Bolt credentials of this data directory. */
    public BoltCredentials credentials() {
        return credentials;
    }

    public int boltPort() {
        return boltPort;
    }

    public Path home() {
        return home;
    }

    /** The in-process DBMS, for bulk paths that bypass Bolt (a new one after {@link #restart()}). */
    public DatabaseManagementService managementService() {
        return dbms;
    }

    /** Whether the user database runs without a panic (false also while closed). */
    public boolean healthy() {
        if (closed) {
            return false;
        }
        try {
            var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            return api.getDependencyResolver().resolveDependency(DatabaseHealth.class).hasNoPanic();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What made the database panic, for the log; null when it is healthy. */
    public Throwable causeOfPanic() {
        try {
            var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            return api.getDependencyResolver().resolveDependency(DatabaseHealth.class).causeOfPanic();
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Override
    public void onRestart(Runnable listener) {
        restartListeners.add(listener);
    }

    /**
     * Stops the DBMS and starts it again on the same files and Bolt port. Neo4j's recovery applies
     * the transactions that committed before the failure and none that did not.
     *
     * @throws IllegalStateException when it does not come back
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the embedded DBMS is closed");
        }
        long t0 = System.nanoTime();
        try {
            dbms.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("shutting down the failed DBMS: {}", rootMessage(e));
        }
        DatabaseManagementService fresh = build(home, boltPort, pageCacheMb);
        boundPort(fresh, boltPort);
        credentials.apply(fresh);
        dbms = fresh;
        restartListeners.forEach(Runnable::run);
        LOG.warn("embedded Neo4j restarted in {} ms on 127.0.0.1:{}", (System.nanoTime() - t0) / 1_000_000, boltPort);
    }

    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.close();
        }
        if (!closed) {
            closed = true;
            long t0 = System.nanoTime();
            dbms.shutdown();
            LOG.info("embedded Neo4j stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
