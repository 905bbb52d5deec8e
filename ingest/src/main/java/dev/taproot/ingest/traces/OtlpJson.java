package dev.taproot.ingest.traces;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Helpers for OTLP/JSON: attribute lists as maps, 64-bit integers sent as strings, enums as names or numbers. */
public final class OtlpJson {

    private OtlpJson() {
    }

    /** {@code [{"key": k, "value": {"stringValue": v}}]} as a map of strings (arrays and maps as JSON text). */
    public static Map<String, String> attributes(JsonNode list) {
        var out = new LinkedHashMap<String, String>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode kv : list) {
            String key = kv.path("key").asText(null);
            if (key == null) {
                continue;
            }
            out.put(key, anyValue(kv.path("value")));
        }
        return out;
    }

    /** An OTLP AnyValue as text. */
    public static String anyValue(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        for (String f : new String[] {"stringValue", "intValue", "doubleValue", "boolValue"}) {
            if (v.has(f)) {
                return v.get(f).asText();
            }
        }
        if (v.has("arrayValue") || v.has("kvlistValue")) {
            return v.toString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** A uint64 sent as a string or a number; -1 when absent or unreadable. */
    public static long uint64(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return -1;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Span kind from {@code 2} or {@code "SPAN_KIND_SERVER"}, as {@code server}; null when unspecified. */
    public static String spanKind(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return null;
        }
        String k = v.isNumber() ? switch (v.asInt()) {
            case 1 -> "internal";
            case 2 -> "server";
            case 3 -> "client";
            case 4 -> "producer";
            case 5 -> "consumer";
            default -> null;
        } : v.asText().replace("SPAN_KIND_", "").toLowerCase(java.util.Locale.ROOT);
        return k == null || k.isBlank() || k.equals("unspecified") ? null : k;
    }

    /** Whether an OTLP status is ERROR ({@code 2} or {@code "STATUS_CODE_ERROR"}). */
    public static boolean statusError(JsonNode status) {
        JsonNode code = status.path("code");
        return code.isNumber() ? code.asInt() == 2 : code.asText("").endsWith("ERROR");
    }
}
