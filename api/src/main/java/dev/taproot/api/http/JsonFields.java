package dev.taproot.api.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.web.Problem;
import dev.taproot.graph.model.Times;

/**
 * Reads fields of a JSON request body strictly: an unknown field, a value of the wrong JSON type or a
 * time outside {@link Times#EARLIEST} .. {@link Times#LATEST} is a 400 naming the field (by its dotted
 * path), never silently ignored or replaced by a default.
 */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * The JSON field names of a body record: its components, in order. Handlers check bodies against
     * this, and the OpenAPI schema is generated from the same record, so a new component is accepted
     * and documented at once.
     */
    static Set<String> of(Class<? extends Record> body) {
        var names = new java.util.LinkedHashSet<String>();
        for (var c : body.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }

    /** Refuses fields of {@code object} not in {@code allowed}. */
    static void only(JsonNode object, String path, Set<String> allowed) {
        object.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw Problem.badRequest("field '" + path + f + "': unknown (fields here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        });
    }

    /** An object field, or a missing node; anything else is a 400. */
    static JsonNode object(JsonNode node, String path) {
        if (absent(node) || node.isObject()) {
            return node;
        }
        throw wrongType(path, "an object", node);
    }

    static List<String> strings(JsonNode node, String path) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(path, "an array of strings", node);
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw wrongType(path + "[" + i + "]", "a string", node.get(i));
            }
            out.add(node.get(i).asText());
        }
        return out;
    }

    static String text(JsonNode node, String path) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        return node.asText();
    }

    static int integer(JsonNode node, String path, int fallback) {
        if (absent(node)) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw wrongType(path, "a whole number", node);
        }
        return node.asInt();
    }

    static Instant time(JsonNode node, String path, Instant fallback) {
        if (absent(node)) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw wrongType(path, "an ISO-8601 UTC time (a string)", node);
        }
        Instant t;
        try {
            t = Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("field '" + path + "': '" + node.asText() + "' is not an ISO-8601 UTC time");
        }
        if (t.isBefore(Times.EARLIEST) || t.isAfter(Times.LATEST)) {
            throw Problem.badRequest("field '" + path + "': " + t + " is outside " + Times.EARLIEST + " .. " + Times.LATEST);
        }
        return t;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static Problem wrongType(String path, String expected, JsonNode found) {
        return Problem.badRequest("field '" + path + "': expected " + expected + ", found " + kind(found));
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> n.getNodeType().name().toLowerCase();
        };
    }
}
