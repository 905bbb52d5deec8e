package dev.taproot.ingest.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.anomaly.SampleQuality;
import dev.taproot.ingest.anomaly.TimeSeries;

/**
 * Reads OpenMetrics / Prometheus text exposition: {@code name{label="v",...} value [timestamp]} lines;
 * {@code #} lines (TYPE, HELP, EOF) are skipped. A sample without a timestamp takes the input's
 * observation time, so a series of snapshots (several inputs, or one file with timestamps) becomes a
 * series; a single snapshot gives one point per series, enough to be compared with a baseline. Lines
 * that do not parse are rejected with their line number.
 */
public final class OpenMetricsParser {

    public MetricSet parse(IngestInput input) {
        var quality = new SampleQuality();
        var builders = new LinkedHashMap<String, Object[]>();
        var rejected = new ArrayList<Rejection>();
        String[] lines = input.text().split("\\R");
        long observed = input.observedAt().toEpochMilli();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                parseLine(line, observed, quality, builders);
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejection(input.name(), "line " + (n + 1), dev.taproot.graph.store.ErrorMessages.describe(e)));
            }
        }
        var series = new ArrayList<MetricSeries>();
        for (Object[] b : builders.values()) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) b[1];
            series.add(new MetricSeries((String) b[0], labels, ((TimeSeries.Builder) b[2]).build()));
        }
        return new MetricSet(input.name(), series, quality, rejected);
    }

    private static void parseLine(String line, long observed, SampleQuality quality, Map<String, Object[]> builders) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int close = labelsEnd(line, brace);
            parseLabels(line.substring(brace + 1, close), labels);
            rest = line.substring(close + 1).strip();
        } else {
            if (space < 0) {
                throw new IllegalArgumentException("no value after the metric name");
            }
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name");
        }
        String[] parts = rest.split("\\s+");
        Double value = PrometheusMatrixParser.value(parts[0]);
        if (value == null) {
            quality.nonNumeric++;
            return;
        }
        long time = observed;
        if (parts.length > 1 && !parts[1].startsWith("#")) {
            try {
                double t = Double.parseDouble(parts[1]);
                // OpenMetrics timestamps are seconds; the older text format used milliseconds
                time = t > 1e11 ? (long) t : Math.round(t * 1000);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("timestamp '" + parts[1] + "' is not a number");
            }
        }
        String id = name + new java.util.TreeMap<>(labels);
        Object[] b = builders.computeIfAbsent(id, k -> new Object[] {name, labels, new TimeSeries.Builder(quality)});
        ((TimeSeries.Builder) b[2]).add(time, value);
    }

    private static int labelsEnd(String line, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed label set");
    }

    private static void parseLabels(String text, Map<String, String> labels) {
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                if (!text.substring(i).isBlank()) {
                    throw new IllegalArgumentException("label without value: " + text.substring(i).strip());
                }
                return;
            }
            String key = text.substring(i, eq).strip().replaceFirst("^,", "").strip();
            if (eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("label " + key + " value must be quoted");
            }
            var value = new StringBuilder();
            int j = eq + 2;
            for (; j < text.length() && text.charAt(j) != '"'; j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char e = text.charAt(++j);
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
            }
            if (j >= text.length()) {
                throw new IllegalArgumentException("label " + key + " value is not closed");
            }
            labels.put(key, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
    }
}
