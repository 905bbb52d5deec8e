package dev.taproot.rules.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One labelled failure case ({@code case.yaml}, see CASES.md): where it is, the window and symptom
 * to analyse, and the expected root cause (read only by scoring).
 */
public record CaseSpec(Path dir, String id, String system, Instant windowStart, Instant windowEnd,
                       List<String> symptomEntities, String symptomText, String expectedRootCause,
                       String expectedFaultType) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads {@code dir/case.yaml}; a missing or bad field is an error naming the file and field. */
    public static CaseSpec read(Path dir) {
        Path file = dir.resolve("case.yaml");
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping");
        }
        String id = text(root, "id", file);
        String system = root.path("system").asText("unknown");
        Instant start = time(root.path("window"), "start", file);
        Instant end = time(root.path("window"), "end", file);
        var entities = new ArrayList<String>();
        root.path("symptom").path("entities").forEach(n -> entities.add(n.asText()));
        String text = root.path("symptom").path("text").asText(null);
        String expected = root.path("expected").path("root_cause").asText(null);
        if (expected == null || expected.isBlank()) {
            throw new IllegalArgumentException(file + ": field 'expected.root_cause' is required");
        }
        String fault = root.path("expected").path("fault_type").asText("unknown");
        return new CaseSpec(dir, id, system, start, end, entities, text, expected, fault);
    }

    /** Every case folder under {@code root} (each subfolder, at any depth, holding a {@code case.yaml}), sorted. */
    public static List<Path> find(Path root) {
        if (Files.exists(root.resolve("case.yaml"))) {
            return List.of(root);
        }
        try (var walk = Files.walk(root, 4)) {
            return walk.filter(p -> p.getFileName().toString().equals("case.yaml")).map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list cases under " + root + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }

    private static String text(JsonNode n, String field, Path file) {
        String v = n.path(field).asText(null);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(file + ": field '" + field + "' is required");
        }
        return v;
    }

    private static Instant time(JsonNode n, String field, Path file) {
        String v = n.path(field).asText(null);
        if (v == null) {
            throw new IllegalArgumentException(file + ": field 'window." + field + "' is required");
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": field 'window." + field + "': '" + v + "' is not an ISO-8601 UTC time");
        }
    }
}
