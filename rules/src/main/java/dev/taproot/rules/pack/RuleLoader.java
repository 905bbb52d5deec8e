package dev.taproot.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.model.Rule;

/**
 * Loads rule files (YAML, one {@code rules:} list per file) into a {@link RulePack}. Every problem is
 * reported with file, line and field; a pack with one bad file is not loaded at all.
 */
public final class RuleLoader {

    /** The built-in pack's files, on the classpath. */
    static final String BUILT_IN_DIR = "/dev/taproot/rules/pack/";
    static final List<String> BUILT_IN_FILES = List.of("kubernetes.yaml", "changes.yaml", "propagation.yaml",
            "resources.yaml", "network.yaml", "datastores.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile RulePack builtIn;

    private final Vocabulary vocabulary;

    public RuleLoader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The pack shipped inside Taproot (loaded once). */
    public static RulePack builtIn() {
        RulePack p = builtIn;
        if (p == null) {
            synchronized (RuleLoader.class) {
                if (builtIn == null) {
                    builtIn = new RuleLoader(Vocabulary.standard()).loadBuiltIn();
                }
                p = builtIn;
            }
        }
        return p;
    }

    RulePack loadBuiltIn() {
        var rules = new ArrayList<Rule>();
        var ids = new HashSet<String>();
        for (String file : BUILT_IN_FILES) {
            try (InputStream in = RuleLoader.class.getResourceAsStream(BUILT_IN_DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in rule file missing: " + file);
                }
                rules.addAll(parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), ids));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new RulePack("builtin", rules);
    }

    /** Loads every {@code *.yaml}/{@code *.yml} file of a directory (not recursive), in name order. */
    public RulePack loadDirectory(Path dir) {
        var rules = new ArrayList<Rule>();
        var ids = new HashSet<String>();
        for (Path file : ruleFiles(dir)) {
            try {
                rules.addAll(parse(file.toString(), Files.readString(file), ids));
            } catch (IOException e) {
                throw new RuleFileException(file.toString(), 0, null, "cannot read: " + dev.taproot.graph.store.ErrorMessages.describe(e));
            }
        }
        return new RulePack(dir + "@" + Instant.now(), rules);
    }

    /** The rule files of a directory, sorted by name. */
    public static List<Path> ruleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleFileException(dir.toString(), 0, null, "not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one file's text; {@code seenIds} catches ids defined twice across files. */
    public List<Rule> parse(String file, String text, Set<String> seenIds) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw new RuleFileException(file, line, null, "not valid YAML: " + firstLine(dev.taproot.graph.store.ErrorMessages.describe(e)));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        JsonNode list = root.isArray() ? root : root.get("rules");
        if (list == null || !list.isArray()) {
            throw new RuleFileException(file, 1, "rules", "expected a list of rules under 'rules:'");
        }
        var reader = new RuleReader(file, text, vocabulary);
        var rules = new ArrayList<Rule>();
        for (int i = 0; i < list.size(); i++) {
            Rule rule = reader.read(list.get(i), i);
            if (!seenIds.add(rule.id())) {
                throw new RuleFileException(file, reader.lineOf(rule.id(), "id"), "id", "rule id '" + rule.id()
                        + "' is defined twice");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
