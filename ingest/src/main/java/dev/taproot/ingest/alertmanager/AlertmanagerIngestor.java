package dev.taproot.ingest.alertmanager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.WebLinks;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.MalformedInputException;

/**
 * Alertmanager webhook payloads (version 4), exactly as Alertmanager posts them: each alert becomes a
 * signal on the entity its labels name ({@link AlertEntities}), typed from its name ({@link AlertTypes}),
 * with severity, start and end. The key is the alert's fingerprint (or a hash of its labels) plus its
 * start, so the resolved notification of a firing alert updates the same signal.
 */
public final class AlertmanagerIngestor implements Ingestor {

    public static final String FORMAT = "alertmanager";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName();
        if (name.endsWith(".alertmanager.json")) {
            return true;
        }
        if (!name.endsWith(".json") && !name.equals("request")) {
            return false;
        }
        String head = input.head(8192);
        return head.startsWith("{") && head.contains("\"alerts\"")
                && (head.contains("\"groupKey\"") || head.contains("\"receiver\"") || head.contains("\"version\""));
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        JsonNode payload = parse(input);
        var result = new IngestResult.Builder(FORMAT, input.name());
        JsonNode alerts = payload.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new MalformedInputException(input.name(), "alerts", "field 'alerts' (an array) is missing: "
                    + "not an Alertmanager webhook payload");
        }
        String version = Json.text(payload, "version");
        if (version != null && !"4".equals(version)) {
            writer.note("webhook version " + version + " (read as version 4)");
        }
        for (int i = 0; i < alerts.size(); i++) {
            alert(alerts.get(i), "alerts[" + i + "]", payload, writer, result, input.name());
        }
        return result.build();
    }

    private static JsonNode parse(IngestInput input) throws MalformedInputException {
        try {
            JsonNode tree = Json.MAPPER.readTree(input.content());
            if (tree == null || !tree.isObject()) {
                throw new MalformedInputException(input.name(), "input", "an Alertmanager webhook payload is a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new MalformedInputException(input.name(), loc == null ? "input" : "line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr(), "not valid JSON: " + dev.taproot.ingest.JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw new MalformedInputException(input.name(), "input", e.getMessage(), e);
        }
    }

    private static void alert(JsonNode alert, String where, JsonNode payload, GraphWriter writer,
                              IngestResult.Builder result, String source) {
        if (!alert.isObject()) {
            result.reject(where, "not an alert object");
            return;
        }
        Map<String, String> labels = new TreeMap<>(Json.strings(payload.get("commonLabels")));
        labels.putAll(Json.strings(alert.get("labels")));
        String alertname = labels.get("alertname");
        if (alertname == null || alertname.isBlank()) {
            result.reject(where + ".labels.alertname", "the alert has no alertname label");
            return;
        }
        Instant start;
        Instant end;
        try {
            start = Json.time(alert, "startsAt");
            end = Json.time(alert, "endsAt");
        } catch (IllegalArgumentException e) {
            result.reject(where + ".startsAt", dev.taproot.graph.store.ErrorMessages.describe(e));
            return;
        }
        if (start == null) {
            result.reject(where + ".startsAt", "alert " + alertname + " has no startsAt");
            return;
        }
        String status = Json.text(alert, "status") != null ? Json.text(alert, "status") : Json.text(payload, "status");
        if (!"resolved".equals(status) || (end != null && end.isBefore(start))) {
            end = null;
        }
        Optional<String> entity = AlertEntities.entityKey(labels, writer, start);
        if (entity.isEmpty()) {
            result.reject(where + ".labels", "alert " + alertname + " names no entity: none of the labels "
                    + "pod, deployment, statefulset, daemonset, job_name, service, node, instance, job, namespace");
            return;
        }
        Map<String, String> annotations = new TreeMap<>(Json.strings(payload.get("commonAnnotations")));
        annotations.putAll(Json.strings(alert.get("annotations")));
        for (String linkAnnotation : List.of("runbook_url", "runbook")) {
            String link = annotations.get(linkAnnotation);
            var problem = link == null ? Optional.<String>empty() : WebLinks.problem(link);
            if (problem.isPresent()) {
                result.reject(where + ".annotations." + linkAnnotation, "alert " + alertname + ": " + linkAnnotation + " " + problem.get());
                return;
            }
        }
        String fingerprint = Json.text(alert, "fingerprint");
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("alertname", alertname);
        attrs.put("status", status == null ? "firing" : status);
        attrs.put("labels", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        annotations.forEach((k, v) -> attrs.put(annotationKey(k), v));
        putIfText(attrs, "fingerprint", fingerprint);
        putIfText(attrs, "generatorURL", Json.text(alert, "generatorURL"));
        putIfText(attrs, "receiver", Json.text(payload, "receiver"));
        putIfText(attrs, "groupKey", Json.text(payload, "groupKey"));
        putIfText(attrs, "externalURL", Json.text(payload, "externalURL"));
        String key = "alert/" + (fingerprint != null ? fingerprint : labelHash(labels)) + "/" + start.toEpochMilli();
        writer.signal(new Signal(key, AlertTypes.signalType(alertname), entity.get(), alertname,
                Severity.parse(labels.get("severity")), start, end, attrs, source));
        result.accept("Alert");
    }

    private static String annotationKey(String annotation) {
        String k = annotation.replaceAll("[^A-Za-z0-9_]", "_");
        return switch (k) {
            case "summary", "description", "message", "runbook_url", "runbook" -> k;
            default -> "annotation_" + k;
        };
    }

    private static void putIfText(Map<String, Object> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** A stable hash of the label set, standing in for Alertmanager's fingerprint. */
    static String labelHash(Map<String, String> labels) {
        try {
            var md = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(labels).forEach((k, v) -> md.update((k + "\u0000" + v + "\u0001").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> entityLabels() {
        return List.of("pod", "deployment", "statefulset", "daemonset", "job_name", "cronjob", "service", "node",
                "instance", "job", "namespace");
    }
}
