package dev.taproot.api.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document as a tree that remembers the line of every key and value, so a mistake can be
 * reported where it is. Read with Jackson's streaming YAML parser, which never constructs Java types
 * from tags and reports an alias as its name instead of expanding it; on top of that this reader
 * refuses tags, anchors and aliases outright (no {@code !!java...}, no billion laughs), duplicate keys,
 * and files over {@link #MAX_CHARS}.
 */
final class YamlTree {

    /** The largest configuration file read. */
    static final int MAX_CHARS = 1_000_000;

    private static final YAMLFactory FACTORY = hardenedFactory();

    /** A node of the tree. */
    sealed interface Node permits Mapping, Sequence, Scalar {
        int line();

        /** What kind of value this is, for messages ("a mapping"). */
        String kind();
    }

    /** A key of a mapping, with the line it is on. */
    record Key(String name, int line) {
    }

    /** A mapping; keys in file order. */
    record Mapping(Map<String, Node> entries, Map<String, Key> keys, int line) implements Node {
        public String kind() {
            return "a mapping";
        }

        static Mapping empty(int line) {
            return new Mapping(Map.of(), Map.of(), line);
        }
    }

    /** A sequence. */
    record Sequence(List<Node> items, int line) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: its text, and whether it is empty or YAML's null. */
    record Scalar(String text, boolean isNull, int line) implements Node {
        public String kind() {
            return isNull ? "empty" : "a single value";
        }
    }

    private YamlTree() {
    }

    /** The first document of {@code text} (an empty document is an empty mapping); mistakes go to {@code problems}. */
    static Mapping parse(String text, ConfigProblems problems) {
        if (text.length() > MAX_CHARS) {
            problems.error(1, "", "the file is larger than " + MAX_CHARS + " characters");
            return Mapping.empty(1);
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return Mapping.empty(1);
            }
            Node root = read((YAMLParser) p, problems, "");
            if (root instanceof Mapping m) {
                return m;
            }
            problems.error(root.line(), "", "the configuration must be a mapping of sections, not " + root.kind());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.error(line, "", "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            problems.error(1, "", "cannot read: " + e.getMessage());
        }
        return Mapping.empty(1);
    }

    private static Node read(YAMLParser p, ConfigProblems problems, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        refuseTagsAndAnchors(p, problems, path, line);
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            var entries = new LinkedHashMap<String, Node>();
            var keys = new LinkedHashMap<String, Key>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                String child = path.isEmpty() ? name : path + "." + name;
                Node value = read(p, problems, child);
                if (entries.containsKey(name)) {
                    problems.error(keyLine, child, "given twice (first on line " + keys.get(name).line() + ")");
                    continue;
                }
                entries.put(name, value);
                keys.put(name, new Key(name, keyLine));
            }
            return new Mapping(entries, keys, line);
        }
        if (t == JsonToken.START_ARRAY) {
            var items = new ArrayList<Node>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, problems, path + "[" + items.size() + "]"));
            }
            return new Sequence(items, line);
        }
        // an empty value ("rules:" with nothing after it) is no value, as YAML's own null is
        boolean isNull = t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isEmpty();
        return new Scalar(isNull ? null : p.getText(), isNull, line);
    }

    private static void refuseTagsAndAnchors(YAMLParser p, ConfigProblems problems, String path, int line)
            throws IOException {
        if (p.isCurrentAlias()) {
            problems.error(line, path, "YAML aliases (*" + p.getText() + ") are not allowed here; write the value out");
        } else if (p.getObjectId() != null) {
            problems.error(line, path, "YAML anchors (&" + p.getObjectId() + ") are not allowed here");
        }
        if (p.getTypeId() != null) {
            problems.error(line, path, "YAML tags (" + p.getTypeId() + ") are not allowed here");
        }
    }

    private static YAMLFactory hardenedFactory() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by this reader with both lines
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CHARS + 1);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
