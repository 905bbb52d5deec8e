package dev.taproot.ingest.telemetry;

import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.AnalysisWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.ingest.IngestInput;

/**
 * A labelled case folder read for tests: its window, expected root cause, signal and baseline inputs,
 * and a minimal graph built from its {@code *.edges.csv} files (services by name, RUNS_ON edges), enough
 * for entity resolution without the topology ingestors.
 */
record CaseFixture(String id, String system, AnalysisWindow window, String rootCause, String faultType,
                   List<IngestInput> signals, List<IngestInput> baseline, TelemetryEntities.Graph graph) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static CaseFixture read(Path dir) {
        try {
            JsonNode y = YAML.readTree(dir.resolve("case.yaml").toFile());
            var window = new AnalysisWindow(Instant.parse(y.at("/window/start").asText()),
                    Instant.parse(y.at("/window/end").asText()));
            return new CaseFixture(y.path("id").asText(), y.path("system").asText(), window,
                    y.at("/expected/root_cause").asText(), y.at("/expected/fault_type").asText(),
                    inputs(dir.resolve("signals"), window.start()), inputs(dir.resolve("baseline"), window.start()),
                    graph(dir.resolve("topology")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> cases(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.exists(p.resolve("case.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<IngestInput> inputs(Path dir, Instant at) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().map(p -> IngestInput.of(p, at)).toList();
        }
    }

    private static TelemetryEntities.Graph graph(Path topology) throws IOException {
        Map<String, Entity> entities = new LinkedHashMap<>();
        List<Relationship> rels = new ArrayList<>();
        if (Files.isDirectory(topology)) {
            try (Stream<Path> s = Files.list(topology)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".edges.csv")).toList()) {
                    List<String> lines = Files.readAllLines(p);
                    for (String line : lines.subList(1, lines.size())) {
                        String[] f = line.split(",");
                        String type = f.length > 2 ? f[2] : "CALLS";
                        Entity from = entities.computeIfAbsent(f[0].toLowerCase(), k ->
                                Entity.of(EntityKeys.service(f[0]), EntityTypes.SERVICE, f[0]));
                        Entity to = type.equals("RUNS_ON")
                                ? entities.computeIfAbsent(f[1].toLowerCase(), k ->
                                        Entity.of(EntityKeys.k8sCluster("Node", f[1]), EntityTypes.NODE, f[1]))
                                : entities.computeIfAbsent(f[1].toLowerCase(), k ->
                                        Entity.of(EntityKeys.service(f[1]), EntityTypes.SERVICE, f[1]));
                        rels.add(Relationship.of(type, from.key(), to.key()));
                    }
                }
            }
        }
        return new TelemetryEntities.Graph() {
            @Override
            public List<Entity> find(String name) {
                Entity e = entities.get(name.toLowerCase());
                return e == null ? List.of() : List.of(e);
            }

            @Override
            public List<Relationship> relationshipsOf(String key) {
                return rels.stream().filter(r -> r.fromKey().equals(key) || r.toKey().equals(key)).toList();
            }
        };
    }
}
