package dev.taproot.ingest.kubernetes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.Json;

/**
 * Signals read from object status: pod and container states (CrashLoopBackOff, OOMKilled,
 * ImagePullBackOff, Evicted, Unschedulable, failing probes, restarts), node conditions, unbound
 * claims, maxed-out autoscalers, services without ready endpoints and workloads short of replicas.
 * Each signal's key is derived from what it reports, so reading the same state twice stores it once.
 */
final class StatusSignals {

    private StatusSignals() {
    }

    static void pod(KubeObject pod, GraphWriter writer, Instant observedAt, String source) {
        JsonNode status = pod.status();
        String reason = Json.text(status, "reason");
        if ("Evicted".equals(reason)) {
            emit(writer, pod, "Evicted", "Evicted", Severity.ERROR, observedAt, null,
                    attrs("message", Json.text(status, "message")), source, "");
        }
        for (JsonNode c : Json.elements(status.get("conditions"))) {
            String type = Json.text(c, "type");
            boolean isFalse = "False".equals(Json.text(c, "status"));
            Instant since = time(c, "lastTransitionTime", observedAt);
            if ("PodScheduled".equals(type) && isFalse) {
                emit(writer, pod, "FailedScheduling", Json.text(c, "reason") == null ? "Unschedulable" : Json.text(c, "reason"),
                        Severity.ERROR, since, null, attrs("message", Json.text(c, "message")), source, "");
            } else if ("Ready".equals(type) && isFalse && "Running".equals(Json.text(status, "phase"))) {
                emit(writer, pod, "PodNotReady", "NotReady", Severity.WARNING, since, null,
                        attrs("message", Json.text(c, "message")), source, "");
            }
        }
        for (String list : java.util.List.of("initContainerStatuses", "containerStatuses")) {
            for (JsonNode cs : Json.elements(status.get(list))) {
                container(pod, cs, writer, observedAt, source);
            }
        }
    }

    private static void container(KubeObject pod, JsonNode cs, GraphWriter writer, Instant observedAt, String source) {
        String name = Json.text(cs, "name");
        long restarts = Json.number(cs, 0, "restartCount");
        String waiting = Json.text(cs, "state", "waiting", "reason");
        String lastTerminated = Json.text(cs, "lastState", "terminated", "reason");
        String terminated = Json.text(cs, "state", "terminated", "reason");
        Instant lastFinished = time(Json.at(cs, "lastState", "terminated"), "finishedAt", observedAt);
        var base = attrs("container", name, "restartCount", restarts, "image", Json.text(cs, "image"));
        if (waiting != null) {
            String type = switch (waiting) {
                case "CrashLoopBackOff" -> "CrashLoopBackOff";
                case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" -> "ImagePullBackOff";
                case "CreateContainerConfigError", "CreateContainerError" -> "ConfigError";
                default -> null;
            };
            if (type != null) {
                var a = new LinkedHashMap<>(base);
                a.put("message", Json.text(cs, "state", "waiting", "message"));
                emit(writer, pod, type, waiting, Severity.ERROR, lastFinished, null, a, source, name + "/" + restarts);
            }
        }
        for (boolean current : new boolean[] {false, true}) {
            String reason = current ? terminated : lastTerminated;
            JsonNode term = current ? Json.at(cs, "state", "terminated") : Json.at(cs, "lastState", "terminated");
            if ("OOMKilled".equals(reason)) {
                Instant at = time(term, "finishedAt", observedAt);
                var a = new LinkedHashMap<>(base);
                a.put("exitCode", Json.number(term, 137, "exitCode"));
                emit(writer, pod, "OOMKilled", "OOMKilled", Severity.CRITICAL, at, null, a, source, name + "/" + at);
            } else if ("Error".equals(reason) && current) {
                emit(writer, pod, "ProcessKilled", "Error", Severity.ERROR, time(term, "finishedAt", observedAt), null,
                        base, source, name);
            }
        }
        if (restarts > 0) {
            var a = new LinkedHashMap<>(base);
            a.put("lastReason", lastTerminated);
            emit(writer, pod, "ContainerRestart", "Restarts", restarts >= 5 ? Severity.ERROR : Severity.WARNING,
                    lastFinished, null, a, source, name + "/" + restarts);
        }
        if (!Json.at(cs, "ready").asBoolean(true) && Json.at(cs, "state", "running").isObject()) {
            emit(writer, pod, "ProbeFailure", "ReadinessProbeFailing", Severity.WARNING,
                    time(Json.at(cs, "state", "running"), "startedAt", observedAt), null, base, source, name);
        }
    }

    static void node(KubeObject node, GraphWriter writer, Instant observedAt, String source) {
        for (JsonNode c : Json.elements(node.status().get("conditions"))) {
            String type = Json.text(c, "type");
            String status = Json.text(c, "status");
            String signal = null;
            if ("Ready".equals(type) && !"True".equals(status)) {
                signal = "Unknown".equals(status) ? "NodeUnreachable" : "NodeNotReady";
            } else if ("True".equals(status) && type != null) {
                signal = switch (type) {
                    case "MemoryPressure" -> "MemoryPressure";
                    case "DiskPressure" -> "DiskPressure";
                    case "PIDPressure" -> "PIDPressure";
                    case "NetworkUnavailable" -> "NetworkFault";
                    default -> null;
                };
            }
            if (signal != null) {
                emit(writer, node, signal, type + "=" + status, Severity.CRITICAL, time(c, "lastTransitionTime", observedAt),
                        null, attrs("reason", Json.text(c, "reason"), "message", Json.text(c, "message")), source, type);
            }
        }
    }

    static void workload(KubeObject w, GraphWriter writer, Instant observedAt, String source) {
        JsonNode status = w.status();
        if (status.isMissingNode() || status.isEmpty()) {
            return;
        }
        if ("Job".equals(w.kind()) && Json.number(status, 0, "failed") > 0) {
            emit(writer, w, "JobFailed", "JobFailed", Severity.ERROR, time(status, "startTime", observedAt), null,
                    attrs("failed", Json.number(status, 0, "failed")), source, "");
            return;
        }
        long desired = Json.number(w.spec(), -1, "replicas");
        long ready = Json.number(status, 0, "readyReplicas");
        if ("DaemonSet".equals(w.kind())) {
            desired = Json.number(status, -1, "desiredNumberScheduled");
            ready = Json.number(status, 0, "numberReady");
        }
        if (desired > 0 && ready < desired) {
            emit(writer, w, "ReplicasMismatch", "ReplicasMismatch", Severity.WARNING, observedAt, null,
                    attrs("desired", desired, "ready", ready), source, desired + "/" + ready);
        }
    }

    static void claim(KubeObject pvc, GraphWriter writer, Instant observedAt, String source) {
        if ("Pending".equals(Json.text(pvc.status(), "phase"))) {
            emit(writer, pvc, "PVCPending", "Pending", Severity.WARNING, observedAt, null, Map.of(), source, "");
        }
    }

    static void autoscaler(KubeObject hpa, GraphWriter writer, Instant observedAt, String source) {
        long max = Json.number(hpa.spec(), -1, "maxReplicas");
        long current = Json.number(hpa.status(), -1, "currentReplicas");
        if (max > 0 && current >= max) {
            emit(writer, hpa, "HPAMaxed", "ScalingLimited", Severity.WARNING, observedAt, null,
                    attrs("maxReplicas", max, "currentReplicas", current), source, "");
        }
    }

    static void endpoints(KubeObject o, String serviceKey, int ready, int notReady, GraphWriter writer,
                          Instant observedAt, String source) {
        if (ready == 0 && notReady > 0) {
            writer.signal(new Signal("k8s-status/" + serviceKey + "/EndpointsMissing", "EndpointsMissing", serviceKey,
                    "NoReadyEndpoints", Severity.ERROR, observedAt, null, attrs("notReady", (long) notReady), source));
        }
    }

    private static void emit(GraphWriter writer, KubeObject o, String type, String name, Severity severity, Instant start,
                             Instant end, Map<String, Object> attrs, String source, String discriminator) {
        writer.signal(new Signal("k8s-status/" + o.key() + "/" + type + "/" + discriminator, type, o.key(), name,
                severity, start, end, attrs, source));
    }

    private static Instant time(JsonNode node, String field, Instant fallback) {
        Instant t = Json.time(node, field);
        return t == null ? fallback : t;
    }

    private static Map<String, Object> attrs(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
