package dev.taproot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.taproot.graph.model.Incident;
import dev.taproot.ingest.incidents.IncidentFormats;
import dev.taproot.ingest.incidents.ParsedIncident;
import dev.taproot.search.SimilarQuery;
import dev.taproot.search.eval.RetrievalEvaluation.Item;

/**
 * The two labelled histories the retrieval evaluation uses: public postmortems (relevant = same
 * category) and the replay cases (relevant = same root-cause service and fault type).
 */
public final class RetrievalDatasets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** How many of the most anomalous services a case's failure names. */
    static final int TOP_SERVICES = 3;

    private RetrievalDatasets() {
    }

    /**
     * Postmortems with their categories as labels; each asks with its title and summary (or the
     * beginning of its text) and its product, never its categories or keywords.
     */
    public static List<Item> postmortems(Path dir) throws IOException {
        var items = new ArrayList<Item>();
        for (Path f : files(dir, ".md")) {
            for (ParsedIncident p : read(f)) {
                if (!p.isOk()) {
                    continue;
                }
                Incident i = p.incident();
                @SuppressWarnings("unchecked")
                var categories = new LinkedHashSet<String>((List<String>) i.properties().getOrDefault("categories", List.of()));
                String description = i.description();
                String text = i.title() + ". " + description.substring(0, Math.min(description.length(), 700));
                var query = SimilarQuery.builder().text(text).services(i.affected()).build();
                items.add(new Item(i, categories, query));
            }
        }
        return items;
    }

    private static List<ParsedIncident> read(Path f) {
        var out = new ArrayList<ParsedIncident>();
        try (var reader = IncidentFormats.open(f, null, null)) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * Replay cases as past incidents. A case's failure is what its signals show against its baseline:
     * the services whose metrics left their baseline most (largest |z|), and which metrics. The past
     * incident records those plus the known root cause and fault type; the query holds only the
     * failure (symptom text and entities, anomalous services as candidate causes, anomalous metrics as text).
     */
    public static List<Item> cases(Path dir) throws IOException {
        var items = new ArrayList<Item>();
        List<Path> caseFiles;
        try (Stream<Path> walk = Files.walk(dir)) {
            caseFiles = walk.filter(p -> p.getFileName().toString().equals("case.yaml")).sorted().toList();
        }
        for (Path caseFile : caseFiles) {
            JsonNode c = YAML.readTree(caseFile.toFile());
            Path caseDir = caseFile.getParent();
            String rootCause = c.path("expected").path("root_cause").asText();
            String fault = c.path("expected").path("fault_type").asText();
            var anomalies = anomalies(caseDir.resolve("signals/metrics.prom.json"), caseDir.resolve("baseline/metrics.prom.json"));
            var symptomEntities = new ArrayList<String>();
            c.path("symptom").path("entities").forEach(e -> symptomEntities.add(e.asText()));
            String symptomText = c.path("symptom").path("text").asText("");
            List<String> topServices = anomalies.stream().map(Anomaly::service).distinct().limit(TOP_SERVICES).toList();
            var text = new StringBuilder(symptomText);
            for (Anomaly a : anomalies.subList(0, Math.min(8, anomalies.size()))) {
                text.append(' ').append(a.metric().replace('_', ' ')).append(" anomalous on ").append(a.service()).append('.');
            }
            var affected = new ArrayList<String>(symptomEntities);
            affected.addAll(topServices);
            String system = c.path("system").asText("");
            var incident = new Incident(c.path("id").asText(), system + ": " + fault.replace('_', ' ') + " on " + rootCause,
                    text.toString(), null, null, null, affected, rootCause, fault,
                    "root cause " + rootCause + " (" + fault.replace('_', ' ') + ")", List.of(), null, List.of(system),
                    Map.of(), "case");
            var query = SimilarQuery.builder().text(text.toString()).services(affected).candidateCauses(topServices)
                    .build();
            items.add(new Item(incident, Set.of(rootCause + "|" + fault), query));
        }
        return items;
    }

    /** A metric of a service that left its baseline. */
    record Anomaly(String service, String metric, double z) {
    }

    /** Every (service, metric) series scored by its largest |z| against the baseline; largest first. */
    static List<Anomaly> anomalies(Path signals, Path baseline) throws IOException {
        if (!Files.exists(signals)) {
            return List.of();
        }
        Map<String, double[]> base = new HashMap<>();
        if (Files.exists(baseline)) {
            for (JsonNode s : JSON.readTree(baseline.toFile()).path("data").path("result")) {
                base.put(seriesKey(s.path("metric")), meanStd(s.path("values")));
            }
        }
        var out = new ArrayList<Anomaly>();
        for (JsonNode s : JSON.readTree(signals.toFile()).path("data").path("result")) {
            double[] ms = base.get(seriesKey(s.path("metric")));
            if (ms == null) {
                continue;
            }
            double z = 0;
            for (JsonNode v : s.path("values")) {
                double x = parse(v.get(1).asText());
                if (!Double.isNaN(x)) {
                    z = Math.max(z, Math.abs(x - ms[0]) / Math.max(ms[1], 1e-9 + Math.abs(ms[0]) * 0.01));
                }
            }
            out.add(new Anomaly(service(s.path("metric")), s.path("metric").path("__name__").asText(), z));
        }
        out.sort(Comparator.comparingDouble(Anomaly::z).reversed());
        return out;
    }

    private static String seriesKey(JsonNode metric) {
        return metric.path("__name__").asText() + "|" + service(metric);
    }

    /** The service a series belongs to: its service label, else its pod's deployment name, else its node. */
    static String service(JsonNode metric) {
        if (metric.hasNonNull("service")) {
            return metric.get("service").asText();
        }
        if (metric.hasNonNull("pod")) {
            String[] parts = metric.get("pod").asText().split("-");
            return parts.length > 2 ? String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2)) : metric.get("pod").asText();
        }
        return metric.path("node").asText(metric.path("instance").asText("unknown")).toLowerCase(Locale.ROOT);
    }

    private static double[] meanStd(JsonNode values) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (JsonNode v : values) {
            double x = parse(v.get(1).asText());
            if (!Double.isNaN(x)) {
                sum += x;
                sq += x * x;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        return new double[] {mean, n == 0 ? 0 : Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
