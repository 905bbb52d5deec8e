package dev.taproot.api.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.taproot.graph.store.GraphStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Taproot's Micrometer meters, exposed at {@code /metrics} in Prometheus format: HTTP request
 * latency per route, the analysis latency histogram, ingest and import request rates, the search
 * index size on disk and whether the graph store answers.
 */
public final class TaprootMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer analyses;
    private final Counter ingestRequests;
    private final Counter importRequests;
    private final AtomicLong storeUp = new AtomicLong();
    private final AtomicLong storeEntities = new AtomicLong();

    public TaprootMetrics(GraphStore store, Path indexDir) {
        analyses = Timer.builder("taproot.analysis.latency")
                .description("Time to answer one analysis (REST or ChatOps)")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofSeconds(1), Duration.ofSeconds(3))
                .register(registry);
        ingestRequests = Counter.builder("taproot.ingest.requests").description("Ingest requests accepted").register(registry);
        importRequests = Counter.builder("taproot.import.requests").description("Bulk import requests accepted").register(registry);
        Gauge.builder("taproot.index.size.bytes", () -> directorySize(indexDir))
                .description("Size of the Lucene index on disk").register(registry);
        Gauge.builder("taproot.store.up", () -> {
            refreshStore(store);
            return storeUp.get();
        }).description("1 when the graph store answers, else 0").register(registry);
        Gauge.builder("taproot.store.entities", storeEntities::get)
                .description("Entities in the graph (as of the last store.up scrape)").register(registry);
    }

    private void refreshStore(GraphStore store) {
        try {
            storeEntities.set(store.counts().entities());
            storeUp.set(1);
        } catch (RuntimeException e) {
            storeUp.set(0);
        }
    }

    /**
     * Exports what the notifier did: {@code taproot_notifications_sent_total} and
     * {@code taproot_notifications_failed_total} per destination, {@code taproot_notifications_skipped_total}
     * per reason, {@code taproot_notifications_held_total}.
     */
    public void bindNotifications(dev.taproot.api.notify.Notifier notifier) {
        var counts = notifier.counts();
        for (var d : notifier.destinations()) {
            String type = d.type().name().toLowerCase(java.util.Locale.ROOT);
            FunctionCounter.builder("taproot.notifications.sent", counts, c -> c.sent(d.name()))
                    .description("Notification messages posted or updated").tag("destination", d.name()).tag("type", type)
                    .register(registry);
            FunctionCounter.builder("taproot.notifications.failed", counts, c -> c.failed(d.name()))
                    .description("Notification sends that failed after their retries").tag("destination", d.name())
                    .tag("type", type).register(registry);
        }
        for (String reason : dev.taproot.api.notify.NotifyCounts.REASONS) {
            FunctionCounter.builder("taproot.notifications.skipped", counts, c -> c.skipped(reason))
                    .description("Notifications not sent, by reason").tag("reason", reason).register(registry);
        }
        FunctionCounter.builder("taproot.notifications.held", counts, c -> c.held())
                .description("Notifications held through quiet hours").register(registry);
    }

    /** Records one HTTP request. */
    public void recordRequest(String method, String route, int status, long nanos) {
        Timer.builder("taproot.http.requests").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).register(registry).record(Duration.ofNanos(nanos));
        if (status < 400 && route.startsWith("/api/v1/ingest")) {
            ingestRequests.increment();
        } else if (status < 400 && route.startsWith("/api/v1/import")) {
            importRequests.increment();
        }
    }

    /** Records the time one analysis took. */
    public void recordAnalysis(long nanos) {
        analyses.record(Duration.ofNanos(nanos));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private static double directorySize(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
