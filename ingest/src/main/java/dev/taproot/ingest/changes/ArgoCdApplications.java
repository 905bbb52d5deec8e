package dev.taproot.ingest.changes;

import java.time.Instant;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Json;

/**
 * Argo CD: an {@code Application} resource ({@code argoproj.io/v1alpha1}), as {@code kubectl get
 * application -o json} prints it or as an Argo CD notification webhook posts it with a body of
 * {@code {"app": {{toJson .app}}}}. Every entry of {@code status.history} is a Deploy of the
 * application's service at {@code deployedAt} with its revision; the last sync operation, when it
 * failed, is reported too.
 */
final class ArgoCdApplications {

    private ArgoCdApplications() {
    }

    static boolean matches(JsonNode body) {
        JsonNode app = body.has("app") ? body.get("app") : body;
        return app.isObject() && "Application".equals(Json.text(app, "kind"))
                && String.valueOf(Json.text(app, "apiVersion")).startsWith("argoproj.io/");
    }

    static void read(JsonNode body, String where, GraphWriter writer, IngestResult.Builder result, String source) {
        JsonNode app = body.has("app") ? body.get("app") : body;
        String name = Json.text(app, "metadata", "name");
        if (name == null) {
            result.reject(where + ".metadata.name", "the Application has no name");
            return;
        }
        String entityKey = ChangeSignals.entityKey(name, writer);
        String previous = null;
        var history = Json.elements(Json.at(app, "status", "history"));
        for (int i = 0; i < history.size(); i++) {
            JsonNode h = history.get(i);
            Instant at;
            try {
                at = Json.time(h, "deployedAt");
            } catch (IllegalArgumentException e) {
                result.reject(where + ".status.history[" + i + "].deployedAt", dev.taproot.graph.store.ErrorMessages.describe(e));
                continue;
            }
            String revision = Json.text(h, "revision");
            if (at == null) {
                result.reject(where + ".status.history[" + i + "].deployedAt", "missing");
                continue;
            }
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("fromVersion", previous);
            attrs.put("toVersion", revision);
            attrs.put("repository", Json.text(h, "source", "repoURL"));
            attrs.put("path", Json.text(h, "source", "path"));
            attrs.put("who", Json.text(h, "initiatedBy", "username"));
            attrs.put("namespace", Json.text(app, "spec", "destination", "namespace"));
            attrs.put("message", "Argo CD synced " + name + " to " + revision);
            writer.signal(ChangeSignals.signal("argocd/" + name + "/" + Json.text(h, "id") + "/" + at.toEpochMilli(),
                    "Deploy", entityKey, "Deploy " + name, at, Json.time(h, "deployStartedAt") == null ? null : at,
                    attrs, source));
            result.accept("Deploy");
            previous = revision;
        }
        JsonNode op = Json.at(app, "status", "operationState");
        String phase = Json.text(op, "phase");
        if (("Failed".equals(phase) || "Error".equals(phase)) && Json.time(op, "startedAt") != null) {
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("state", phase);
            attrs.put("message", Json.text(op, "message"));
            attrs.put("toVersion", Json.text(op, "syncResult", "revision"));
            Instant started = Json.time(op, "startedAt");
            writer.signal(ChangeSignals.signal("argocd/" + name + "/op/" + started.toEpochMilli(), "Deploy", entityKey,
                    "Failed sync " + name, started, Json.time(op, "finishedAt"), attrs, source));
            result.accept("Deploy (failed sync)");
        }
        if (history.isEmpty() && !"Failed".equals(phase) && !"Error".equals(phase)) {
            result.reject(where + ".status.history", "the Application has no deployment history");
        }
    }
}
