package dev.taproot.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Small helpers for reading Jackson trees the way every ingestor does. */
public final class Json {

    /** A shared mapper for JSON input (strict duplicate detection off, as sources send what they send). */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** The node at a path of field names, or a missing node. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) {
                return MissingNode.getInstance();
            }
            n = n.get(p);
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    /** The text at a path, or null when absent, null or empty. */
    public static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String t = n.asText();
        return t.isEmpty() ? null : t;
    }

    /** The timestamp at a path, or null. */
    public static Instant time(JsonNode node, String... path) {
        return Timestamps.parse(text(node, path));
    }

    /** A long at a path, or {@code fallback}. */
    public static long number(JsonNode node, long fallback, String... path) {
        JsonNode n = at(node, path);
        return n.canConvertToLong() || n.isTextual() && n.asText().matches("-?\\d+") ? n.asLong() : fallback;
    }

    /** The string fields of an object (labels, annotations, selectors), in order. */
    public static Map<String, String> strings(JsonNode object) {
        var out = new LinkedHashMap<String, String>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> {
                if (!e.getValue().isContainerNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    /** The elements of an array, or none. */
    public static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        var out = new java.util.ArrayList<JsonNode>(array.size());
        array.forEach(out::add);
        return out;
    }
}
