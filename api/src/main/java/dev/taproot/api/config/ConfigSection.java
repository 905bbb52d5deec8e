package dev.taproot.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.taproot.api.config.YamlTree.Mapping;
import dev.taproot.api.config.YamlTree.Node;
import dev.taproot.api.config.YamlTree.Scalar;
import dev.taproot.api.config.YamlTree.Sequence;

/**
 * One mapping of the configuration file, read field by field: each value comes from its environment
 * variable when that is set, else from the file, else the default; every mistake is reported with its
 * line and dotted field path and reading goes on, so one run names all of them.
 */
final class ConfigSection {

    private final Mapping map;
    private final String path;
    private final ConfigProblems problems;
    private final Map<String, String> env;
    private final Path baseDir;

    ConfigSection(Mapping map, String path, ConfigProblems problems, Map<String, String> env, Path baseDir) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        this.env = env;
        this.baseDir = baseDir;
    }

    /** The dotted path of {@code key} in this section. */
    String field(String key) {
        return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
    }

    /** The line of {@code key}, or of this section when the key is absent. */
    int line(String key) {
        YamlTree.Key k = map.keys().get(key);
        return k == null ? map.line() : k.line();
    }

    boolean has(String key) {
        Node n = map.entries().get(key);
        return n != null && !(n instanceof Scalar s && s.isNull());
    }

    /** Whether the value of {@code key} is a list. */
    boolean isList(String key) {
        return map.entries().get(key) instanceof Sequence;
    }

    /** Reports every key that is not one of {@code known} (typos are never silently ignored). */
    void allow(String... known) {
        Set<String> names = Set.of(known);
        for (YamlTree.Key key : map.keys().values()) {
            if (!names.contains(key.name())) {
                String near = closest(key.name(), known);
                problems.error(key.line(), field(key.name()), "unknown field"
                        + (near == null ? "; known here: " + String.join(", ", known) : "; did you mean '" + near + "'?"));
            }
        }
    }

    /** The mapping under {@code key}; an empty section when absent or not a mapping (reported). */
    ConfigSection section(String key) {
        Node n = map.entries().get(key);
        if (n instanceof Mapping m) {
            return new ConfigSection(m, field(key), problems, env, baseDir);
        }
        if (n != null && !(n instanceof Scalar s && s.isNull())) {
            problems.error(n.line(), field(key), "must be a mapping of fields, not " + n.kind());
        }
        return new ConfigSection(Mapping.empty(line(key)), field(key), problems, env, baseDir);
    }

    /** The mappings listed under {@code key}. */
    List<ConfigSection> sections(String key) {
        var out = new ArrayList<ConfigSection>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String f = field(key) + "[" + i + "]";
            if (item instanceof Mapping m) {
                out.add(new ConfigSection(m, f, problems, env, baseDir));
            } else {
                problems.error(item.line(), f, "must be a mapping of fields, not " + item.kind());
            }
        }
        return out;
    }

    /**
     * The value of {@code key}: from {@code variable} in the environment when set (may be null for
     * none), else from the file, else {@code otherwise}. {@code parse} throws
     * {@link IllegalArgumentException} with a message that completes "field: ...".
     */
    <T> T value(String key, String variable, Function<String, T> parse, T otherwise) {
        String fromEnv = variable == null ? null : env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                return parse.apply(fromEnv.strip());
            } catch (IllegalArgumentException e) {
                problems.environmentError(variable, e.getMessage());
                return otherwise;
            }
        }
        String text = scalar(key);
        if (text == null) {
            return otherwise;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            problems.error(line(key), field(key), e.getMessage());
            return otherwise;
        }
    }

    /** The value of {@code variable} when it is set (a mistake is reported), else null: for values the file gives in another shape. */
    <T> T environment(String variable, Function<String, T> parse) {
        String fromEnv = env.get(variable);
        if (fromEnv == null || fromEnv.isBlank()) {
            return null;
        }
        try {
            return parse.apply(fromEnv.strip());
        } catch (IllegalArgumentException e) {
            problems.environmentError(variable, e.getMessage());
            return null;
        }
    }

    /** A file path: relative paths in the file are resolved against the file's directory, in the environment against the working directory. */
    Path path(String key, String variable, Path otherwise) {
        String fromEnv = variable == null ? null : env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip());
        }
        String text = scalar(key);
        return text == null || text.isBlank() ? otherwise : baseDir.resolve(text.strip()).normalize();
    }

    /**
     * A secret given inline ({@code key}), in a file ({@code fileKey}), or by {@code variable}; null
     * when none. A file that others can read draws a warning.
     */
    String secret(String key, String fileKey, String variable) {
        String fromEnv = variable == null ? null : env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        if (has(key) && has(fileKey)) {
            problems.error(line(fileKey), field(fileKey), "give either " + key + " or " + fileKey + ", not both");
        }
        if (has(fileKey)) {
            return readSecretFile(path(fileKey, null, null), line(fileKey), field(fileKey));
        }
        String inline = scalar(key);
        return inline == null || inline.isBlank() ? null : inline.strip();
    }

    /** The text of a secret file, stripped; a missing, empty or loosely permitted file is reported at {@code line}. */
    String readSecretFile(Path file, int line, String field) {
        if (!Files.isRegularFile(file)) {
            problems.error(line, field, "no such file: " + file);
            return null;
        }
        warnIfOthersCanRead(file, line, field);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                problems.error(line, field, "the file is empty: " + file);
                return null;
            }
            return text;
        } catch (IOException e) {
            problems.error(line, field, "cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** Warns when group or others may read {@code file} (a secret should be readable by its owner only). */
    void warnIfOthersCanRead(Path file, int line, String field) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                problems.warning(line, field, file + " can be read by its group or others; chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /** The strings listed under {@code key} (a list, or a comma-separated {@code variable}). */
    List<String> strings(String key, String variable) {
        String fromEnv = variable == null ? null : env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Arrays.stream(fromEnv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        var out = new ArrayList<String>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Scalar s && !s.isNull()) {
                out.add(s.text());
            } else {
                problems.error(items.get(i).line(), field(key) + "[" + i + "]", "must be a single value, not " + items.get(i).kind());
            }
        }
        return out;
    }

    /** The text values of the mapping under {@code key}, in file order. */
    Map<String, String> stringMap(String key) {
        var out = new LinkedHashMap<String, String>();
        ConfigSection s = section(key);
        for (var e : s.map.entries().entrySet()) {
            if (e.getValue() instanceof Scalar sc && !sc.isNull()) {
                out.put(e.getKey(), sc.text());
            } else {
                problems.error(e.getValue().line(), s.field(e.getKey()), "must be a single value, not " + e.getValue().kind());
            }
        }
        return out;
    }

    void error(String key, String message) {
        problems.error(line(key), field(key), message);
    }

    void warning(String key, String message) {
        problems.warning(line(key), field(key), message);
    }

    private List<Node> items(String key) {
        Node n = map.entries().get(key);
        if (n == null || n instanceof Scalar s && s.isNull()) {
            return List.of();
        }
        if (n instanceof Sequence seq) {
            return seq.items();
        }
        problems.error(n.line(), field(key), "must be a list, not " + n.kind());
        return List.of();
    }

    private String scalar(String key) {
        Node n = map.entries().get(key);
        if (n == null || n instanceof Scalar s && s.isNull()) {
            return null;
        }
        if (n instanceof Scalar s) {
            return s.text();
        }
        problems.error(n.line(), field(key), "must be a single value, not " + n.kind());
        return null;
    }

    private static String closest(String name, String[] known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(name.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        return org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
