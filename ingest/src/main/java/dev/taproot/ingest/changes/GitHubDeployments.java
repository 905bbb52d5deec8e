package dev.taproot.ingest.changes;

import java.time.Instant;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Json;

/**
 * GitHub {@code deployment_status} webhooks: a deployment reaching {@code success} (or {@code failure},
 * {@code error}) is a Deploy of the service the deployment payload names ({@code payload.service} or
 * {@code payload.app}) or, failing that, of the repository's name. Pending and in-progress statuses
 * are counted but not stored: the change happens when it lands.
 */
final class GitHubDeployments {

    private GitHubDeployments() {
    }

    static boolean matches(JsonNode body) {
        return body.isObject() && body.has("deployment_status") && body.has("deployment");
    }

    static void read(JsonNode body, String where, GraphWriter writer, IngestResult.Builder result, String source) {
        JsonNode status = body.get("deployment_status");
        JsonNode deployment = body.get("deployment");
        String state = Json.text(status, "state");
        if (state == null) {
            result.reject(where + ".deployment_status.state", "missing");
            return;
        }
        if (!state.equals("success") && !state.equals("failure") && !state.equals("error")) {
            result.accept("GitHub deployment_status " + state + " (not stored)");
            return;
        }
        String service = Json.text(deployment, "payload", "service");
        if (service == null) {
            service = Json.text(deployment, "payload", "app");
        }
        if (service == null) {
            service = Json.text(body, "repository", "name");
        }
        if (service == null) {
            result.reject(where + ".repository.name", "the deployment names no service or repository");
            return;
        }
        Instant at;
        try {
            at = Json.time(status, "created_at");
            if (at == null) {
                at = Json.time(status, "updated_at");
            }
        } catch (IllegalArgumentException e) {
            result.reject(where + ".deployment_status.created_at", dev.taproot.graph.store.ErrorMessages.describe(e));
            return;
        }
        if (at == null) {
            result.reject(where + ".deployment_status.created_at", "missing");
            return;
        }
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("toVersion", Json.text(deployment, "sha"));
        attrs.put("ref", Json.text(deployment, "ref"));
        attrs.put("environment", Json.text(status, "environment") != null ? Json.text(status, "environment")
                : Json.text(deployment, "environment"));
        attrs.put("state", state);
        attrs.put("who", Json.text(deployment, "creator", "login") != null ? Json.text(deployment, "creator", "login")
                : Json.text(body, "sender", "login"));
        attrs.put("link", Json.text(status, "target_url") != null ? Json.text(status, "target_url")
                : Json.text(status, "log_url"));
        attrs.put("message", Json.text(deployment, "description"));
        attrs.put("repository", Json.text(body, "repository", "full_name"));
        String id = "github/" + Json.text(deployment, "id") + "/" + Json.text(status, "id");
        writer.signal(ChangeSignals.signal(id, "Deploy", ChangeSignals.entityKey(service, writer), "Deploy " + service,
                at, null, attrs, source));
        result.accept("Deploy");
    }
}
