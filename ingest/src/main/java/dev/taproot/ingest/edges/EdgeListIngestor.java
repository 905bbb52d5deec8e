package dev.taproot.ingest.edges;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.ingest.EntityResolver;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;

/**
 * Edge lists ({@code .edges.csv}, as CMDBs export them): a header {@code source,target[,relationship[,weight]]}
 * then one edge per line; the relationship defaults to {@code CALLS}. An endpoint that names a known
 * entity (key, name, alias, DNS name, or pod name of a known workload) links to it; otherwise a
 * {@code service/<name>} is created ({@code host/<name>} for the target of {@code RUNS_ON}).
 */
public final class EdgeListIngestor implements Ingestor {

    public static final String FORMAT = "edges";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName();
        return name.endsWith(".edges.csv") || (name.endsWith(".csv")
                && input.head(200).toLowerCase(Locale.ROOT).replace(" ", "").startsWith("source,target"));
    }

    @Override
    public boolean describesTopology() {
        return true;
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        var result = new IngestResult.Builder(FORMAT, input.name());
        List<String> lines = lines(input);
        int headerLine = 0;
        while (headerLine < lines.size() && (lines.get(headerLine).isBlank() || lines.get(headerLine).startsWith("#"))) {
            headerLine++;
        }
        if (headerLine >= lines.size()) {
            return result.build();
        }
        List<String> header = split(lines.get(headerLine)).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int src = header.indexOf("source");
        int dst = header.indexOf("target");
        if (src < 0 || dst < 0) {
            throw new MalformedInputException(input.name(), "line " + (headerLine + 1),
                    "header must be source,target[,relationship[,weight]], was: " + lines.get(headerLine));
        }
        int relCol = header.indexOf("relationship");
        int weightCol = header.indexOf("weight");
        var known = Vocabulary.standard().relationshipTypes();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1);
            List<String> cells = split(line);
            String source = cell(cells, src);
            String target = cell(cells, dst);
            if (source == null || target == null) {
                result.reject(where, "'" + (source == null ? "source" : "target") + "' is empty");
                continue;
            }
            String type = cell(cells, relCol) == null ? RelationshipTypes.CALLS
                    : cell(cells, relCol).toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            if (!known.contains(type) || !RelationshipTypes.TOPOLOGY.contains(type)) {
                result.reject(where + ", relationship", "'" + cell(cells, relCol) + "' is not a relationship type "
                        + "(one of " + RelationshipTypes.TOPOLOGY + ")");
                continue;
            }
            Double weight = null;
            if (cell(cells, weightCol) != null) {
                try {
                    weight = Double.parseDouble(cell(cells, weightCol));
                } catch (NumberFormatException e) {
                    result.reject(where + ", weight", "'" + cell(cells, weightCol) + "' is not a number");
                    continue;
                }
            }
            String from = endpoint(source, false, writer);
            String to = endpoint(target, RelationshipTypes.RUNS_ON.equals(type), writer);
            writer.relationship(new Relationship(type, from, to, weight == null ? Map.of() : Map.of("weight", weight),
                    null, null));
            result.accept(type);
        }
        return result.build();
    }

    private static List<String> lines(IngestInput input) throws MalformedInputException {
        try (var reader = new BufferedReader(new StringReader(input.text()))) {
            var out = new ArrayList<String>();
            String l;
            while ((l = reader.readLine()) != null) {
                out.add(l.startsWith("\uFEFF") ? l.substring(1) : l);
            }
            return out;
        } catch (IOException e) {
            throw new MalformedInputException(input.name(), "input", e.getMessage(), e);
        }
    }

    /** Splits one CSV line, honouring double quotes. */
    static List<String> split(String line) {
        var cells = new ArrayList<String>();
        var cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        return cells;
    }

    private static String cell(List<String> cells, int i) {
        if (i < 0 || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    /** The key an endpoint name means, creating a service or host entity when none is known. */
    private static String endpoint(String name, boolean host, GraphWriter writer) {
        EntityResolver resolver = writer.resolver();
        var existing = resolver.find(name);
        if (existing.isPresent()) {
            return existing.get().key();
        }
        if (!host) {
            var pod = EntityResolver.workloadNameOfPod(name)
                    .flatMap(base -> resolver.find(base, Set.of(EntityTypes.SERVICE, EntityTypes.DEPLOYMENT,
                            EntityTypes.STATEFUL_SET, EntityTypes.DAEMON_SET)));
            if (pod.isPresent()) {
                return dev.taproot.ingest.PodEntities.ensure(writer, name, null, null);
            }
            var svc = resolver.existingService(name);
            if (svc.isPresent()) {
                return svc.get().key();
            }
        }
        String key = host ? EntityKeys.host(name) : EntityKeys.service(name);
        writer.entity(new Entity(key, host ? EntityTypes.HOST : EntityTypes.SERVICE, name, Map.of(), Set.of(), null, null));
        return key;
    }
}
