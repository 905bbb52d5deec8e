package dev.taproot.rules.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * Reads runbook files (YAML, one {@code runbooks:} list per file). Every problem names file, line and
 * field; a file with one bad runbook is refused whole.
 */
public final class RunbookLoader {

    /** The built-in runbooks, on the classpath. */
    static final String BUILT_IN_DIR = "/dev/taproot/rules/runbooks/";
    static final List<String> BUILT_IN_FILES = List.of("kubernetes.yaml", "resources.yaml", "network.yaml",
            "changes.yaml", "datastores.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("id", "title", "match", "steps", "checks", "links", "actions", "examples");
    private static final Set<String> MATCH_FIELDS = Set.of("faultTypes", "alerts", "rules", "entityTypes");

    private final Vocabulary vocabulary;

    public RunbookLoader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The runbooks that ship with Taproot. */
    public List<Runbook> builtIn() {
        var out = new ArrayList<Runbook>();
        for (String f : BUILT_IN_FILES) {
            try (InputStream in = RunbookLoader.class.getResourceAsStream(BUILT_IN_DIR + f)) {
                if (in == null) {
                    throw new IllegalStateException("built-in runbook file missing: " + f);
                }
                out.addAll(parse("built-in/" + f, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in runbook file " + f, e);
            }
        }
        return out;
    }

    /** Every {@code *.yaml}/{@code *.yml} file in {@code dir}, in name order. */
    public List<Runbook> directory(Path dir) {
        var out = new ArrayList<Runbook>();
        for (Path f : files(dir)) {
            try {
                out.addAll(parse(f.toString(), Files.readString(f)));
            } catch (IOException e) {
                throw new RunbookFileException(f.toString(), 0, "", "cannot read: " + e.getMessage());
            }
        }
        return out;
    }

    /** The runbook files of a directory, in name order. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new RunbookFileException(dir.toString(), 0, "", "cannot list the directory: " + e.getMessage());
        }
    }

    /** The runbooks of one file's text. */
    public List<Runbook> parse(String file, String text) {
        String[] lines = text.split("\n", -1);
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new RunbookFileException(file, 0, "", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("runbooks").isArray()) {
            throw new RunbookFileException(file, 1, "runbooks", "a runbook file holds a 'runbooks:' list");
        }
        var out = new ArrayList<Runbook>();
        var ids = new LinkedHashSet<String>();
        for (JsonNode n : root.path("runbooks")) {
            Runbook r = read(file, lines, n);
            if (!ids.add(r.id())) {
                throw new RunbookFileException(file, lineOf(lines, r.id()), r.id() + ".id", "another runbook in this file has this id");
            }
            out.add(r);
        }
        return out;
    }

    private Runbook read(String file, String[] lines, JsonNode n) {
        String id = n.path("id").asText("");
        int line = lineOf(lines, id);
        if (!ID.matcher(id).matches()) {
            throw new RunbookFileException(file, line, "id", "'" + id + "' must be area.kebab-name, for example k8s.crash-loop");
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new RunbookFileException(file, line, id + "." + f, "unknown field; known: " + String.join(", ", sorted(FIELDS)));
            }
        });
        String title = n.path("title").asText("");
        if (title.isBlank()) {
            throw new RunbookFileException(file, line, id + ".title", "required: one line saying what the runbook is for");
        }
        JsonNode m = n.path("match");
        m.fieldNames().forEachRemaining(f -> {
            if (!MATCH_FIELDS.contains(f)) {
                throw new RunbookFileException(file, line, id + ".match." + f, "unknown field; known: " + String.join(", ", sorted(MATCH_FIELDS)));
            }
        });
        var match = new Runbook.Match(types(file, line, id, m, "faultTypes"), strings(file, line, id + ".match.alerts", m.path("alerts")),
                strings(file, line, id + ".match.rules", m.path("rules")), types(file, line, id, m, "entityTypes"));
        if (match.isEmpty()) {
            throw new RunbookFileException(file, line, id + ".match", "required: at least one of faultTypes, alerts, rules, entityTypes");
        }
        List<String> steps = List.copyOf(strings(file, line, id + ".steps", n.path("steps")));
        if (steps.isEmpty()) {
            throw new RunbookFileException(file, line, id + ".steps", "required: at least one step");
        }
        var examples = new ArrayList<Runbook.Example>();
        for (JsonNode e : n.path("examples")) {
            String expect = e.path("expect").asText("");
            if (!expect.equals("match") && !expect.equals("no-match")) {
                throw new RunbookFileException(file, line, id + ".examples.expect", "must be 'match' or 'no-match', was '" + expect + "'");
            }
            JsonNode g = e.path("given");
            var subject = new RunbookSubject("example", "example", null, g.path("entityType").asText("Service"),
                    g.path("faultType").asText(null), strings(file, line, id + ".examples.given.alerts", g.path("alerts")),
                    strings(file, line, id + ".examples.given.rules", g.path("rules")));
            examples.add(new Runbook.Example(e.path("name").asText(expect + " " + g), subject, expect.equals("match")));
        }
        List<String> actions = List.copyOf(strings(file, line, id + ".actions", n.path("actions")));
        for (String a : actions) {
            if (!Runbook.ACTIONS.contains(a)) {
                throw new RunbookFileException(file, line, id + ".actions", "'" + a + "' is not an action; known: "
                        + String.join(", ", Runbook.ACTIONS));
            }
        }
        return new Runbook(id, title, match, steps, List.copyOf(strings(file, line, id + ".checks", n.path("checks"))),
                List.copyOf(strings(file, line, id + ".links", n.path("links"))), actions, examples, file);
    }

    private Set<String> types(String file, int line, String id, JsonNode m, String field) {
        Set<String> out = strings(file, line, id + ".match." + field, m.path(field));
        for (String t : out) {
            if (!vocabulary.knows(t)) {
                throw new RunbookFileException(file, line, id + ".match." + field, "'" + t + "' is not a type of the vocabulary");
            }
        }
        return out;
    }

    private static Set<String> strings(String file, int line, String field, JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return new LinkedHashSet<>();
        }
        if (!n.isArray()) {
            throw new RunbookFileException(file, line, field, "must be a list");
        }
        var out = new LinkedHashSet<String>();
        for (JsonNode v : n) {
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new RunbookFileException(file, line, field, "every item must be non-empty text");
            }
            out.add(v.asText().strip());
        }
        return out;
    }

    private static int lineOf(String[] lines, String id) {
        for (int i = 0; i < lines.length; i++) {
            if (!id.isEmpty() && lines[i].matches("\\s*-?\\s*id:\\s*['\"]?" + Pattern.quote(id) + "['\"]?\\s*")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
