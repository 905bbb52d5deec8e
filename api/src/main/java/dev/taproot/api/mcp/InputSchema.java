package dev.taproot.api.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool's input schema (JSON Schema, an object of named properties), built property by property so
 * that each argument carries its type and a sentence for the agent. No other properties are allowed.
 */
public final class InputSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    /** A string argument. */
    public InputSchema string(String name, String description) {
        return add(name, Map.of("type", "string", "description", description));
    }

    /** A string argument in {@code format} (date-time, duration). */
    public InputSchema string(String name, String format, String description) {
        return add(name, Map.of("type", "string", "format", format, "description", description));
    }

    /** An array of strings. */
    public InputSchema strings(String name, String description) {
        return add(name, Map.of("type", "array", "items", Map.of("type", "string"), "description", description));
    }

    /** A whole number in {@code [min, max]}. */
    public InputSchema integer(String name, int min, int max, String description) {
        return add(name, Map.of("type", "integer", "minimum", min, "maximum", max, "description", description));
    }

    /** True or false. */
    public InputSchema bool(String name, String description) {
        return add(name, Map.of("type", "boolean", "description", description));
    }

    /** A free-form object. */
    public InputSchema object(String name, String description) {
        return add(name, Map.of("type", "object", "description", description));
    }

    /** Marks arguments as required. */
    public InputSchema require(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    /** The argument names, for {@link ToolArguments#only}. */
    public Set<String> names() {
        return Set.copyOf(properties.keySet());
    }

    /** The schema as the SDK takes it. */
    public Map<String, Object> toMap() {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private InputSchema add(String name, Map<String, Object> property) {
        properties.put(name, property);
        return this;
    }
}
