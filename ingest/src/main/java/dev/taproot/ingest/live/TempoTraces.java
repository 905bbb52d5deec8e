package dev.taproot.ingest.live;

import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.taproot.ingest.JsonInputs;

/**
 * Tempo's trace-by-id JSON as an OTLP/JSON {@code ExportTraceServiceRequest}. Tempo answers
 * {@code /api/traces/<id>} with {@code {"batches": [ResourceSpans...]}} (the v2 endpoint with
 * {@code {"trace": {"resourceSpans": [...]}}}), and, being protobuf JSON of byte fields, may give
 * {@code traceId}, {@code spanId} and {@code parentSpanId} in base64 where OTLP/JSON has hex.
 */
final class TempoTraces {

    private TempoTraces() {
    }

    static byte[] asOtlp(byte[] body, LiveEndpoint endpoint, URI uri) throws LiveSourceException {
        JsonNode root;
        try {
            root = JsonInputs.mapper().readTree(body);
        } catch (IOException e) {
            throw new LiveSourceException(endpoint.label() + ": the answer from " + BoundedHttp.shown(uri) + " is not JSON", e);
        }
        JsonNode resources = root == null ? null
                : root.has("batches") ? root.get("batches")
                : root.has("resourceSpans") ? root.get("resourceSpans")
                : root.path("trace").path("resourceSpans");
        if (resources == null || !resources.isArray()) {
            throw new LiveSourceException(endpoint.label() + ": the answer from " + BoundedHttp.shown(uri)
                    + " has neither 'batches' nor 'resourceSpans': not a Tempo trace");
        }
        ArrayNode copy = resources.deepCopy();
        for (JsonNode rs : copy) {
            JsonNode scopes = rs.has("scopeSpans") ? rs.get("scopeSpans") : rs.path("instrumentationLibrarySpans");
            for (JsonNode scope : scopes) {
                for (JsonNode span : scope.path("spans")) {
                    if (span instanceof ObjectNode o) {
                        hex(o, "traceId", 16);
                        hex(o, "spanId", 8);
                        hex(o, "parentSpanId", 8);
                    }
                }
            }
        }
        ObjectNode out = JsonInputs.mapper().createObjectNode();
        out.set("resourceSpans", copy);
        try {
            return JsonInputs.mapper().writeValueAsBytes(out);
        } catch (IOException e) {
            throw new LiveSourceException(endpoint.label() + ": cannot re-encode the trace from " + BoundedHttp.shown(uri), e);
        }
    }

    /** Rewrites a base64 id of {@code bytes} bytes as hex; hex ids are kept. */
    private static void hex(ObjectNode span, String field, int bytes) {
        String v = span.path(field).asText("");
        if (v.isEmpty() || v.matches("[0-9a-fA-F]{" + (bytes * 2) + "}")) {
            return;
        }
        try {
            span.put(field, HexFormat.of().formatHex(Base64.getDecoder().decode(v)));
        } catch (IllegalArgumentException e) {
            // neither hex nor base64: the parser keeps it as it is
        }
    }

    /** Tempo's search may drop leading zeros of a trace id; the trace endpoint takes the full 32 digits. */
    static String paddedHex(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return lower.length() >= 32 ? lower : "0".repeat(32 - lower.length()) + lower;
    }
}
