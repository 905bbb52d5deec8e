package dev.taproot.graph.embedded;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded DBMS for a panic (after which Neo4j refuses every transaction until it is
 * restarted) and restarts it, so one failure never leaves the service failing every request until
 * someone notices. While it recovers, {@link #ready()} is false, which {@code /readyz} reports.
 */
final class StoreWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWatchdog.class);
    /** How often the DBMS's health is read: a cheap in-memory flag. */
    static final long CHECK_MILLIS = 500;

    private final EmbeddedNeo4j dbms;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "taproot-store-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean ready = true;
    private volatile int restarts;

    StoreWatchdog(EmbeddedNeo4j dbms) {
        this.dbms = dbms;
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    boolean ready() {
        return ready && dbms.healthy();
    }

    int restarts() {
        return restarts;
    }

    private void check() {
        if (dbms.healthy()) {
            return;
        }
        ready = false;
        Throwable cause = dbms.causeOfPanic();
        LOG.error("the embedded database panicked ({}); restarting it, readiness is false meanwhile",
                cause == null ? "no cause given" : cause.toString());
        try {
            dbms.restart();
            restarts++;
            ready = true;
        } catch (RuntimeException e) {
            LOG.error("restarting the embedded database failed; will try again: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
