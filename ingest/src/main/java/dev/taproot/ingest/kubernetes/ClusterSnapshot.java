package dev.taproot.ingest.kubernetes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.MalformedInputException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A live cluster read through the Kubernetes API (fabric8 client): every kind Taproot models, turned
 * into one {@code List} document and ingested like {@code kubectl get -o json} output, so a cluster
 * and a file go through the same mapping, change detection and closing of vanished relationships.
 */
public final class ClusterSnapshot {

    /** The kinds read from a cluster. */
    public static final List<Class<? extends HasMetadata>> KINDS = List.of(Namespace.class, Node.class,
            Deployment.class, StatefulSet.class, DaemonSet.class, ReplicaSet.class, Job.class, CronJob.class,
            Pod.class, Service.class, EndpointSlice.class, ConfigMap.class, Secret.class, PersistentVolumeClaim.class,
            PersistentVolume.class, HorizontalPodAutoscaler.class, Ingress.class, Event.class);

    private ClusterSnapshot() {
    }

    /** Lists every modelled kind in all namespaces. */
    public static ArrayNode read(KubernetesClient client) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (Class<? extends HasMetadata> kind : KINDS) {
            try {
                add(client, items, client.resources(kind).inAnyNamespace().list().getItems());
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 404 && e.getCode() != 403) {
                    throw e;
                }
                // the API server does not serve this kind, or we may not read it: skip it
            }
        }
        return items;
    }

    /** Adds objects (from a list call or an informer cache) to a snapshot. */
    static void add(KubernetesClient client, ArrayNode items, Collection<? extends HasMetadata> objects) {
        for (HasMetadata o : objects) {
            JsonNode tree = client.getKubernetesSerialization().convertValue(o, JsonNode.class);
            if (tree instanceof ObjectNode obj) {
                if (!obj.hasNonNull("kind")) {
                    obj.put("kind", o.getKind() != null ? o.getKind() : o.getClass().getSimpleName());
                }
                if (!obj.hasNonNull("apiVersion") && o.getApiVersion() != null) {
                    obj.put("apiVersion", o.getApiVersion());
                }
                items.add(obj);
            }
        }
    }

    /** The snapshot as an ingest input (a {@code List} document). */
    public static IngestInput input(String source, ArrayNode items, Instant observedAt) {
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.set("items", items);
        try {
            return new IngestInput(source, Json.MAPPER.writeValueAsString(list).getBytes(StandardCharsets.UTF_8),
                    observedAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a cluster snapshot", e);
        }
    }

    /** Reads the cluster and ingests it as one topology input named {@code source}. */
    public static IngestReport ingest(KubernetesClient client, IngestService service, String source) {
        try {
            return service.ingest(input(source, read(client), Instant.now()), KubernetesIngestor.FORMAT, true);
        } catch (MalformedInputException e) {
            throw new IllegalStateException("a cluster snapshot did not read back: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }
}
