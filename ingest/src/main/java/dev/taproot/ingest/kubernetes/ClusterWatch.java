package dev.taproot.ingest.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.MalformedInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Keeps the graph in step with a live cluster: one fabric8 informer per modelled kind watches the API;
 * whenever something changed, at most once per {@code interval}, the informers' caches are ingested as
 * one topology snapshot. Deleted objects' relationships are closed, rollouts and ConfigMap edits become
 * Deploy / ConfigChange signals, pod state and events become signals, exactly as for files.
 */
public final class ClusterWatch implements AutoCloseable {

    private final KubernetesClient client;
    private final IngestService service;
    private final String source;
    private final Consumer<IngestReport> onIngest;
    private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "taproot-cluster-watch");
        t.setDaemon(true);
        return t;
    });

    private ClusterWatch(KubernetesClient client, IngestService service, String source, Consumer<IngestReport> onIngest) {
        this.client = client;
        this.service = service;
        this.source = source;
        this.onIngest = onIngest;
    }

    /**
     * Starts informers for every modelled kind and ingests changes at most once per interval.
     *
     * @param onIngest receives each ingest's report (for logs and progress)
     */
    public static ClusterWatch start(KubernetesClient client, IngestService service, String source, Duration interval,
                                     Consumer<IngestReport> onIngest) {
        var watch = new ClusterWatch(client, service, source, onIngest);
        var handler = new ResourceEventHandler<HasMetadata>() {
            @Override
            public void onAdd(HasMetadata obj) {
                watch.dirty.set(true);
            }

            @Override
            public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
                watch.dirty.set(true);
            }

            @Override
            public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
                watch.dirty.set(true);
            }
        };
        for (Class<? extends HasMetadata> kind : ClusterSnapshot.KINDS) {
            try {
                watch.informers.add(inform(client, kind, handler));
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                org.slf4j.LoggerFactory.getLogger(ClusterWatch.class).warn("not watching {}: {}",
                        kind.getSimpleName(), dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        long ms = Math.max(50, interval.toMillis());
        watch.scheduler.scheduleWithFixedDelay(watch::flushIfChanged, ms, ms, TimeUnit.MILLISECONDS);
        return watch;
    }

    private static <T extends HasMetadata> SharedIndexInformer<T> inform(KubernetesClient client, Class<T> kind,
                                                                         ResourceEventHandler<HasMetadata> handler) {
        ResourceEventHandler<T> typed = new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                handler.onAdd(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                handler.onUpdate(oldObj, newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                handler.onDelete(obj, deletedFinalStateUnknown);
            }
        };
        return client.resources(kind).inAnyNamespace().inform(typed, 0L);
    }

    /** Ingests the informers' caches now if anything changed since the last ingest. */
    public void flushIfChanged() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            ArrayNode items = Json.MAPPER.createArrayNode();
            for (SharedIndexInformer<? extends HasMetadata> informer : informers) {
                ClusterSnapshot.add(client, items, informer.getStore().list());
            }
            onIngest.accept(service.ingest(ClusterSnapshot.input(source, items, Instant.now()),
                    KubernetesIngestor.FORMAT, true));
        } catch (MalformedInputException | RuntimeException e) {
            dirty.set(true); // try again at the next tick
            org.slf4j.LoggerFactory.getLogger(ClusterWatch.class).warn("cluster ingest failed: {}", dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        informers.forEach(SharedIndexInformer::close);
    }
}
