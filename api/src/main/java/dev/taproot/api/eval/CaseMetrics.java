package dev.taproot.api.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.metrics.MetricSeries;
import dev.taproot.ingest.metrics.PrometheusMatrixParser;
import dev.taproot.rules.eval.CaseSpec;

/**
 * The recorded Prometheus answers of a case ({@code *.prom.json} under {@code signals/} and {@code baseline/})
 * as a real Prometheus holds them: written as OpenMetrics for {@code promtool tsdb create-blocks-from
 * openmetrics}, every series labelled {@value #CASE_LABEL} with the case id so that cases recorded over the
 * same period stay apart, and the time ranges the case covers, which a live replay asks for.
 */
public final class CaseMetrics {

    /** The label that keeps each case's series apart in one Prometheus. */
    public static final String CASE_LABEL = "taproot_case";

    private CaseMetrics() {
    }

    /** Whether a case file is a recorded Prometheus answer. */
    public static boolean recorded(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".prom.json");
    }

    /** The selector that asks a Prometheus for one case's series. */
    public static String selector(CaseSpec spec) {
        return "{" + CASE_LABEL + "=\"" + escape(spec.id()) + "\"}";
    }

    /** A time range; null bounds when the case recorded nothing there. */
    public record Range(Instant from, Instant to) {
        boolean empty() {
            return from == null;
        }
    }

    /** The first and last sample of the case's recorded metrics in {@code signals/} and in {@code baseline/}. */
    public record Ranges(Range signals, Range baseline) {
    }

    /** The ranges the case's recorded metrics cover. */
    public static Ranges ranges(CaseSpec spec) throws MalformedInputException {
        return new Ranges(range(series(spec.dir().resolve("signals"))), range(series(spec.dir().resolve("baseline"))));
    }

    /**
     * Writes the recorded metrics of {@code cases} as one OpenMetrics file: one family per metric name, each
     * series' samples in time order, duplicates within a case dropped.
     *
     * @return the samples written
     * @throws MalformedInputException naming the file when a recorded answer cannot be read
     */
    public static long writeOpenMetrics(List<CaseSpec> cases, Path out) throws IOException, MalformedInputException {
        // metric -> series text -> time -> value
        var families = new TreeMap<String, TreeMap<String, TreeMap<Long, Double>>>();
        for (CaseSpec spec : cases) {
            for (String part : List.of("signals", "baseline")) {
                for (MetricSeries s : series(spec.dir().resolve(part))) {
                    var labels = new TreeMap<>(s.labels());
                    labels.put(CASE_LABEL, spec.id());
                    var text = new StringBuilder(s.metric()).append('{');
                    labels.forEach((k, v) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ",").append(k)
                            .append("=\"").append(escape(v)).append('"'));
                    TreeMap<Long, Double> points = families.computeIfAbsent(s.metric(), k -> new TreeMap<>())
                            .computeIfAbsent(text.append('}').toString(), k -> new TreeMap<>());
                    TimeSeries ts = s.series();
                    for (int i = 0; i < ts.size(); i++) {
                        if (Double.isFinite(ts.values()[i])) {
                            points.putIfAbsent(ts.times()[i], ts.values()[i]);
                        }
                    }
                }
            }
        }
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, TreeMap<String, TreeMap<Long, Double>>> family : families.entrySet()) {
                w.write("# TYPE " + family.getKey() + " gauge\n");
                for (Map.Entry<String, TreeMap<Long, Double>> series : family.getValue().entrySet()) {
                    for (Map.Entry<Long, Double> p : series.getValue().entrySet()) {
                        long ms = p.getKey();
                        w.write(series.getKey() + " " + p.getValue() + " " + Math.floorDiv(ms, 1000) + "."
                                + String.format(Locale.ROOT, "%03d", Math.floorMod(ms, 1000)) + "\n");
                        written++;
                    }
                }
            }
            w.write("# EOF\n");
        }
        return written;
    }

    private static List<MetricSeries> series(Path dir) throws MalformedInputException {
        var out = new java.util.ArrayList<MetricSeries>();
        var parser = new PrometheusMatrixParser();
        for (Path file : CaseLoader.files(dir)) {
            if (recorded(file)) {
                out.addAll(parser.parse(IngestInput.of(file, Instant.EPOCH)).series());
            }
        }
        return out;
    }

    private static Range range(List<MetricSeries> series) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (MetricSeries s : series) {
            if (!s.series().isEmpty()) {
                first = Math.min(first, s.series().firstTime());
                last = Math.max(last, s.series().lastTime());
            }
        }
        return first > last ? new Range(null, null) : new Range(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
