package dev.taproot.ingest.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.PodEntities;

/**
 * One Kubernetes Event (core/v1 or events.k8s.io/v1) to a signal on the object it is about, typed by
 * {@link EventReasons}, with reason, type, count and first/last time (and, for a scaling event, its
 * {@code direction}). The key is the event's own name, so an event whose count grew is updated, not
 * duplicated.
 */
public final class KubernetesEventMapper {

    private KubernetesEventMapper() {
    }

    /**
     * Maps one event; a bad one is rejected on {@code result} with its location.
     *
     * @return whether it was accepted
     */
    public static boolean map(JsonNode event, String location, GraphWriter writer, IngestResult.Builder result,
                              String source) {
        boolean v1 = event.has("regarding") || String.valueOf(Json.text(event, "apiVersion")).startsWith("events.k8s.io");
        JsonNode object = Json.at(event, v1 ? "regarding" : "involvedObject");
        String kind = Json.text(object, "kind");
        String name = Json.text(object, "name");
        if (kind == null || name == null) {
            result.reject(location, "field '" + (v1 ? "regarding" : "involvedObject") + ".kind/name' is missing");
            return false;
        }
        String reason = Json.text(event, "reason");
        String message = Json.text(event, v1 ? "note" : "message");
        Instant first = first(event, v1);
        Instant last = last(event, v1);
        if (first == null) {
            first = last;
        }
        if (first == null) {
            result.reject(location, "event " + name + "/" + reason + " has no timestamp "
                    + "(firstTimestamp, eventTime, lastTimestamp or metadata.creationTimestamp)");
            return false;
        }
        if (last != null && last.isBefore(first)) {
            last = first;
        }
        String namespace = Json.text(object, "namespace");
        if (namespace == null) {
            namespace = Json.text(event, "metadata", "namespace");
        }
        String entityKey = entityKey(kind, name, namespace, writer, first);
        String type = EventReasons.signalType(reason, message);
        if (!Vocabulary.standard().knows(type)) {
            type = "K8sEvent";
        }
        String eventType = Json.text(event, "type");
        long count = v1 ? Json.number(event, Json.number(event, 1, "deprecatedCount"), "series", "count")
                : Json.number(event, 1, "count");
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("reason", reason);
        attrs.put("eventType", eventType);
        attrs.put("count", count);
        attrs.put("message", message);
        attrs.put("involvedKind", kind);
        attrs.put("involvedName", name);
        attrs.put("component", v1 ? Json.text(event, "reportingController") : Json.text(event, "source", "component"));
        if ("ScaleChange".equals(type)) {
            attrs.put("direction", EventReasons.scaleDirection(message));
        }
        attrs.put("firstTimestamp", first.toString());
        if (last != null) {
            attrs.put("lastTimestamp", last.toString());
        }
        Severity severity = "Warning".equalsIgnoreCase(eventType)
                ? (Vocabulary.standard().isA(type, "Fault") ? Severity.ERROR : Severity.WARNING) : Severity.INFO;
        String id = Json.text(event, "metadata", "uid");
        if (id == null) {
            id = namespace + "/" + (Json.text(event, "metadata", "name") != null ? Json.text(event, "metadata", "name")
                    : kind + "/" + name + "/" + reason + "/" + first.toEpochMilli());
        }
        writer.signal(new Signal("k8s-event/" + id, type, entityKey, reason == null ? type : reason, severity, first,
                last != null && last.isAfter(first) ? last : null, nonNull(attrs), source));
        result.accept(v1 ? "Event (events.k8s.io/v1)" : "Event");
        return true;
    }

    private static Instant first(JsonNode e, boolean v1) {
        for (String f : v1 ? new String[] {"deprecatedFirstTimestamp", "eventTime", "firstTimestamp"}
                : new String[] {"firstTimestamp", "eventTime"}) {
            Instant t = Json.time(e, f);
            if (t != null) {
                return t;
            }
        }
        return Json.time(e, "metadata", "creationTimestamp");
    }

    private static Instant last(JsonNode e, boolean v1) {
        Instant t = v1 ? Json.time(e, "series", "lastObservedTime") : null;
        if (t == null) {
            t = Json.time(e, v1 ? "deprecatedLastTimestamp" : "lastTimestamp");
        }
        return t == null ? Json.time(e, "eventTime") : t;
    }

    private static String entityKey(String kind, String name, String namespace, GraphWriter writer, Instant at) {
        return switch (kind) {
            case "Pod" -> PodEntities.ensure(writer, name, namespace, at);
            case "Node", "Namespace", "PersistentVolume" -> EntityKeys.k8sCluster(kind, name);
            case "Service" -> writer.resolver().serviceKey(name, namespace);
            case "ReplicaSet" -> writer.resolver().replicaSetKey(name, namespace);
            default -> EntityKeys.k8s(namespace, kind, name);
        };
    }

    private static Map<String, Object> nonNull(Map<String, Object> in) {
        in.values().removeIf(java.util.Objects::isNull);
        return in;
    }
}
