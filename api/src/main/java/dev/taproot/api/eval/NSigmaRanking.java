package dev.taproot.api.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.rules.eval.CaseSpec;

/**
 * The plain statistical baseline of CASES.md (N-Sigma): each metric series' largest |z| in the
 * window against the same series in the case's baseline, a service scoring the maximum over its
 * series. Printed beside Taproot's figures by {@code taproot eval --baseline}; never used by the engine.
 */
public final class NSigmaRanking {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code <deployment>-<replicaset hash>-<pod suffix>} or {@code <statefulset>-<ordinal>}. */
    private static final Pattern POD_NAME = Pattern.compile("^(.+?)-(?:[a-z0-9]{6,10}-[a-z0-9]{5}|\\d+)$");

    private NSigmaRanking() {
    }

    /** The services of a case ranked by their largest |z|. */
    public static List<String> rank(CaseSpec spec) {
        Map<String, double[]> window = series(spec.dir().resolve("signals"), spec.windowStart(), spec.windowEnd());
        Map<String, double[]> baseline = series(spec.dir().resolve("baseline"), null, null);
        var score = new HashMap<String, Double>();
        for (var e : window.entrySet()) {
            double[] b = baseline.get(e.getKey());
            if (b == null || b.length < 2) {
                continue;
            }
            double mean = 0;
            for (double v : b) {
                mean += v;
            }
            mean /= b.length;
            double var = 0;
            for (double v : b) {
                var += (v - mean) * (v - mean);
            }
            double sd = Math.max(Math.sqrt(var / b.length), 1e-9);
            double z = 0;
            for (double v : e.getValue()) {
                z = Math.max(z, Math.abs(v - mean) / sd);
            }
            String service = e.getKey().substring(0, e.getKey().indexOf('|'));
            score.merge(service, z, Math::max);
        }
        var ranked = new ArrayList<>(score.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        return ranked.stream().map(Map.Entry::getKey).toList();
    }

    /** Series keyed {@code service|labels}, values within [from, to] (all when null). */
    static Map<String, double[]> series(Path dir, Instant from, Instant to) {
        var out = new LinkedHashMap<String, double[]>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains(".prom.json")).sorted().toList()) {
                JsonNode root;
                try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f))
                        : Files.newInputStream(f)) {
                    root = JSON.readTree(in);
                }
                for (JsonNode r : root.path("data").path("result")) {
                    var labels = new TreeMap<String, String>();
                    r.path("metric").fields().forEachRemaining(x -> labels.put(x.getKey(), x.getValue().asText()));
                    String service = serviceOf(labels);
                    if (service == null) {
                        continue;
                    }
                    var values = new ArrayList<Double>();
                    for (JsonNode v : r.path("values")) {
                        long t = (long) v.get(0).asDouble();
                        if ((from == null || t >= from.getEpochSecond()) && (to == null || t <= to.getEpochSecond())) {
                            double x = v.get(1).asDouble(Double.NaN);
                            if (!Double.isNaN(x) && !Double.isInfinite(x)) {
                                values.add(x);
                            }
                        }
                    }
                    out.put(service + "|" + labels, values.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read metrics under " + dir + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        return out;
    }

    static String serviceOf(Map<String, String> labels) {
        for (String l : List.of("service", "service_name", "job", "app")) {
            if (labels.containsKey(l)) {
                return labels.get(l);
            }
        }
        String pod = labels.get("pod");
        if (pod != null) {
            var m = POD_NAME.matcher(pod);
            return m.matches() ? m.group(1) : pod;
        }
        return labels.get("container");
    }
}
