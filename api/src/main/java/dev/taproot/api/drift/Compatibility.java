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
 * currency 1.4"): declared in YAML (the configured {@code compatibility.file}) or learned from confirmed
 * incidents ({@link LearnedPairs}). The YAML form:
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

    /**
     * One known-bad pair.
     *
     * @param source  where it came from: the compatibility file's name (declared), or what it was learned
     *                from, such as {@code incident INC-12} (learned)
     * @param learned true when Taproot learned it from a confirmed change-caused incident
     */
    public record Pair(String component, String version, String with, String withVersion, String note, String source,
                       boolean learned) {

        /** A pair declared in a compatibility file. */
        public Pair(String component, String version, String with, String withVersion, String note, String source) {
            this(component, version, with, withVersion, note, source, false);
        }

        boolean matches(String c, String v, String otherComponent, String otherVersion) {
            return component.equals(c) && versionMatches(version, v) && with.equals(otherComponent)
                    && versionMatches(withVersion, otherVersion);
        }

        /** Whether {@code a} at {@code va} next to {@code b} at {@code vb} is this pair, either way round. */
        public boolean breaks(String a, String va, String b, String vb) {
            return matches(a, va, b, vb) || matches(b, vb, a, va);
        }

        /** Where the pair came from, as a reader wants it: {@code declared in compat.yaml}, {@code learned from incident INC-12}. */
        @com.fasterxml.jackson.annotation.JsonProperty("origin")
        public String origin() {
            return (learned ? "learned from " : "declared in ") + source;
        }

        /** The pair in one line: {@code payment 2.0 breaks with currency 1.4* (declared in compat.yaml: note)}. */
        public String sentence() {
            return component + " " + version + " breaks with " + with + " " + withVersion + " (" + origin()
                    + (note == null || note.isBlank() ? "" : ": " + note) + ")";
        }
    }

    private static final Set<String> FIELDS = Set.of("component", "version", "breaksWith", "note");

    public Compatibility {
        pairs = List.copyOf(pairs);
    }

    public static Compatibility none() {
        return new Compatibility(List.of());
    }

    /** These pairs followed by {@code more}'s. */
    public Compatibility and(List<Pair> more) {
        var all = new ArrayList<>(pairs);
        all.addAll(more);
        return new Compatibility(all);
    }

    /** Reads {@code file}; a mistake names the file, the line of the field (else of its entry) and the field. */
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
            var entry = new Entry(name, lines, i++);
            n.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw entry.error(f, "unknown field; known: breaksWith, component, note, version");
                }
            });
            String component = required(n, "component", entry, "");
            String version = required(n, "version", entry, "");
            JsonNode w = n.path("breaksWith");
            if (!w.isObject()) {
                throw entry.error("breaksWith", "required: {component, version}");
            }
            out.add(new Pair(component, version, required(w, "component", entry, "breaksWith."),
                    required(w, "version", entry, "breaksWith."), n.path("note").asText(""), name));
        }
        return new Compatibility(out);
    }

    private static String required(JsonNode n, String field, Entry entry, String prefix) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw entry.error(prefix + field, "required: a name or version as text");
        }
        return v.asText().strip();
    }

    /** The {@code index}-th list entry of a file: where it starts, and where each of its fields is written. */
    private record Entry(String file, String[] lines, int index) {

        IllegalArgumentException error(String field, String message) {
            return new IllegalArgumentException(file + ":" + lineOf(field) + ": compatibility[" + index + "]." + field + ": " + message);
        }

        /** The line of the field inside the entry ({@code breaksWith.version} on the line of {@code breaksWith}), else of the entry. */
        private int lineOf(String field) {
            int start = entryLine();
            String key = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
            for (int l = start - 1; l < lines.length; l++) {
                String t = lines[l].strip();
                if (l > start - 1 && isEntryStart(l)) {
                    break;
                }
                String body = t.startsWith("- ") ? t.substring(2).strip() : t;
                if (body.startsWith(key + ":") || body.startsWith("\"" + key + "\":")) {
                    return l + 1;
                }
            }
            return start;
        }

        /** The line of the entry ("- " at the list's indentation). */
        private int entryLine() {
            int seen = -1;
            boolean inList = false;
            for (int l = 0; l < lines.length; l++) {
                if (lines[l].strip().startsWith("compatibility:")) {
                    inList = true;
                } else if (inList && isEntryStart(l) && ++seen == index) {
                    return l + 1;
                }
            }
            return 1;
        }

        private boolean isEntryStart(int l) {
            String t = lines[l].strip();
            return (t.startsWith("- ") || t.equals("-")) && lines[l].indexOf('-') <= 4;
        }
    }

    static boolean versionMatches(String pattern, String version) {
        if (version == null) {
            return false;
        }
        return pattern.endsWith("*") ? version.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(version);
    }
}
