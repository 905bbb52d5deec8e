package dev.taproot.api.drift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Version pairs known to break, as teams keep them in compatibility matrices ("payment 1.5 breaks with
 * currency 1.4"), read from YAML:
 *
 * <pre>
 * compatibility:
 *   - component: payment          # a workload name or image name
 *     version: "1.5"              # exact, or a prefix ending in * ("1.5.*")
 *     breaksWith: {component: currency, version: "1.4*"}
 *     note: payment 1.5 calls currency's v2 API
 * </pre>
 */
public record Compatibility(List<Pair> pairs) {

    /** One known-bad pair. */
    public record Pair(String component, String version, String with, String withVersion, String note, String source) {

        boolean matches(String c, String v, String otherComponent, String otherVersion) {
            return component.equals(c) && versionMatches(version, v) && with.equals(otherComponent)
                    && versionMatches(withVersion, otherVersion);
        }
    }

    private static final Set<String> FIELDS = Set.of("component", "version", "breaksWith", "note");

    public Compatibility {
        pairs = List.copyOf(pairs);
    }

    public static Compatibility none() {
        return new Compatibility(List.of());
    }

    /** Reads {@code file}; a mistake names the file, the entry's line and the field. */
    public static Compatibility load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.getFileName().toString(), text);
    }

    static Compatibility parse(String name, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("compatibility").isArray()) {
            throw new IllegalArgumentException(name + ": expected a 'compatibility:' list");
        }
        String[] lines = text.split("\n", -1);
        var out = new ArrayList<Pair>();
        int i = 0;
        for (JsonNode n : root.get("compatibility")) {
            String where = name + ":" + lineOf(lines, i++) + ": compatibility[" + (i - 1) + "]";
            n.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException(where + "." + f + ": unknown field; known: breaksWith, component, note, version");
                }
            });
            String component = required(n, "component", where);
            String version = required(n, "version", where);
            JsonNode w = n.path("breaksWith");
            if (!w.isObject()) {
                throw new IllegalArgumentException(where + ".breaksWith: required: {component, version}");
            }
            out.add(new Pair(component, version, required(w, "component", where + ".breaksWith"),
                    required(w, "version", where + ".breaksWith"), n.path("note").asText(""), name));
        }
        return new Compatibility(out);
    }

    private static String required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": required: a name or version as text");
        }
        return v.asText().strip();
    }

    /** The line of the {@code index}-th list entry ("- " at the list's indentation). */
    private static int lineOf(String[] lines, int index) {
        int seen = -1;
        boolean inList = false;
        for (int l = 0; l < lines.length; l++) {
            String t = lines[l].strip();
            if (t.startsWith("compatibility:")) {
                inList = true;
            } else if (inList && t.startsWith("- ") && lines[l].indexOf('-') <= 4) {
                if (++seen == index) {
                    return l + 1;
                }
            }
        }
        return 1;
    }

    static boolean versionMatches(String pattern, String version) {
        if (version == null) {
            return false;
        }
        return pattern.endsWith("*") ? version.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(version);
    }
}
