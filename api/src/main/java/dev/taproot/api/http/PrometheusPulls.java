package dev.taproot.api.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.taproot.api.web.Problem;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.metrics.PrometheusPull;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * Pulls from the configured Prometheus sources on a small pool of its own, apart from the HTTP
 * request threads: at most {@link #DEFAULT_THREADS} pulls run and {@link #DEFAULT_QUEUE} wait; one
 * more is refused at once with 503 and {@code Retry-After}, so slow sources can never take the
 * server's threads. A pull that passes its source's deadline is interrupted (which aborts the read
 * under way) and answered with 504.
 */
public final class PrometheusPulls implements AutoCloseable {

    /** Pulls running at once: each mostly waits on the network. */
    public static final int DEFAULT_THREADS = 4;
    /** Pulls waiting for a thread before new ones are refused. */
    public static final int DEFAULT_QUEUE = 8;

    private final Map<String, PrometheusSource> sources = new LinkedHashMap<>();
    private final ThreadPoolExecutor pool;

    public PrometheusPulls(List<PrometheusSource> configured) {
        configured.forEach(s -> {
            if (sources.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two Prometheus sources are named '" + s.name() + "'");
            }
        });
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        pool = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(DEFAULT_QUEUE), r -> {
                    Thread t = new Thread(r, "taproot-prometheus-pull-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The configured source names, in configuration order. */
    public List<String> names() {
        return List.copyOf(sources.keySet());
    }

    /** The source named {@code name}, or a 400 that lists the configured ones. */
    public PrometheusSource source(String name) {
        PrometheusSource s = name == null ? null : sources.get(name);
        if (s == null) {
            throw Problem.badRequest(sources.isEmpty()
                    ? "no Prometheus source is configured (sources.prometheus in taproot.yaml); Taproot pulls only from configured sources"
                    : "source must name a configured Prometheus source: one of " + names());
        }
        return s;
    }

    /** Pulls {@code queries} (the source's own when null) from the named source over [start, end]. */
    public List<IngestInput> pull(String name, Map<String, String> queries, Instant start, Instant end, Duration step) {
        PrometheusSource source = source(name);
        Map<String, String> chosen = queries == null || queries.isEmpty() ? source.queries() : queries;
        if (chosen.isEmpty()) {
            throw Problem.badRequest("source '" + name + "' has no queries configured; give queries in the request");
        }
        Future<List<IngestInput>> future;
        try {
            future = pool.submit(() -> new PrometheusPull(source).pull(chosen, start, end, step));
        } catch (RejectedExecutionException e) {
            throw Problem.busy("all " + DEFAULT_THREADS + " Prometheus pull threads are busy and " + DEFAULT_QUEUE
                    + " pulls wait; try again shortly", 5);
        }
        try {
            return future.get(source.deadline().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Problem(504, "Gateway timeout", "Prometheus source '" + name + "' did not answer within its deadline of "
                    + source.deadline().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw Problem.busy("the server is stopping", 5);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MalformedInputException m) {
                throw new Problem(502, "Bad gateway", m.getMessage(), Map.of("source", name));
            }
            if (cause instanceof IllegalArgumentException iae) {
                throw Problem.badRequest(iae.getMessage());
            }
            throw new IllegalStateException("pull from source '" + name + "' failed", cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
