package dev.taproot.ingest.changes;

import java.time.Instant;
import java.util.LinkedHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Json;

/**
 * Taproot's generic change event, for anything that changes a system (a deploy tool, a feature-flag
 * service, a CMDB, a script):
 *
 * <pre>{@code
 * {"type": "deploy",                 // deploy | rollback | config | secret | scale | feature-flag | infrastructure
 *  "entity": "cartservice",          // a name, alias, DNS name or entity key
 *  "from": "1.4.2", "to": "1.5.0",   // optional versions or values (replica counts for scale)
 *  "who": "alice", "at": "2024-05-01T10:00:00Z", "end": null,
 *  "link": "https://ci/run/17", "description": "bump redis client", "id": "optional-stable-id"}
 * }</pre>
 * A scale change whose {@code from} and {@code to} are replica counts carries {@code direction} {@code up}
 * or {@code down}. A body holds one event, an array of events, or {@code {"changes": [...]}}.
 */
final class GenericChanges {

    private GenericChanges() {
    }

    static boolean matches(JsonNode event) {
        return event.isObject() && event.has("entity") && (event.has("type") || event.has("kind"));
    }

    static void read(JsonNode e, String where, GraphWriter writer, IngestResult.Builder result, String source) {
        String kind = Json.text(e, "type") != null ? Json.text(e, "type") : Json.text(e, "kind");
        String type = ChangeSignals.type(kind);
        if (type == null) {
            result.reject(where + ".type", "'" + kind + "' is not a change type (deploy, rollback, config, secret, "
                    + "scale, feature-flag, infrastructure)");
            return;
        }
        String entity = Json.text(e, "entity");
        if (entity == null) {
            result.reject(where + ".entity", "the change names no entity");
            return;
        }
        Instant at;
        Instant end;
        try {
            at = Json.time(e, "at");
            end = Json.time(e, "end");
        } catch (IllegalArgumentException ex) {
            result.reject(where + ".at", dev.taproot.graph.store.ErrorMessages.describe(ex));
            return;
        }
        if (at == null) {
            result.reject(where + ".at", "the change has no time ('at')");
            return;
        }
        var attrs = new LinkedHashMap<String, Object>();
        attrs.put("fromVersion", Json.text(e, "from"));
        attrs.put("toVersion", Json.text(e, "to"));
        attrs.put("who", Json.text(e, "who"));
        attrs.put("link", Json.text(e, "link"));
        attrs.put("message", Json.text(e, "description"));
        attrs.put("changeKind", kind);
        if ("ScaleChange".equals(type)) {
            attrs.put("direction", ChangeSignals.scaleDirection(Json.text(e, "from"), Json.text(e, "to")));
        }
        String id = Json.text(e, "id") != null ? Json.text(e, "id")
                : type + "/" + entity + "/" + at.toEpochMilli() + "/" + Json.text(e, "to");
        String entityKey = ChangeSignals.entityKey(entity, writer);
        writer.signal(ChangeSignals.signal("generic/" + id, type, entityKey, type + " " + entity, at, end, attrs, source));
        result.accept(type);
    }
}
