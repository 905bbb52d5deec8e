package dev.taproot.ingest.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.anomaly.SampleQuality;
import dev.taproot.ingest.anomaly.TimeSeries;
import dev.taproot.ingest.telemetry.JsonInputs;

/**
 * Reads a Prometheus HTTP API {@code query_range} response ({@code "resultType": "matrix"}), either the
 * whole envelope {@code {"status": "success", "data": {...}}} or its {@code data} object alone.
 * Sample values are strings ({@code "0.25"}, {@code "NaN"}, {@code "+Inf"}); times are epoch seconds.
 * Non-numeric and non-finite values are counted and skipped, out-of-order samples sorted and counted;
 * a series without {@code values} is rejected with its index; a body that is not such a response is
 * malformed.
 */
public final class PrometheusMatrixParser {

    /** Parses one response. */
    public MetricSet parse(IngestInput input) throws MalformedInputException {
        return parse(input.name(), JsonInputs.readObject(input, "a Prometheus query_range response"));
    }

    /** Parses an already read response tree. */
    public MetricSet parse(String source, JsonNode root) throws MalformedInputException {
        if (root == null || !root.isObject()) {
            throw new MalformedInputException(source, "body", "expected a JSON object (a Prometheus query_range response)");
        }
        if (root.has("status") && !"success".equals(root.path("status").asText())) {
            throw new MalformedInputException(source, "status", "Prometheus answered '" + root.path("status").asText()
                    + "': " + root.path("errorType").asText("") + " " + root.path("error").asText(""));
        }
        JsonNode data = root.has("data") ? root.get("data") : root;
        String type = data.path("resultType").asText(null);
        if (type == null) {
            throw new MalformedInputException(source, "data.resultType", "missing: not a Prometheus query_range response");
        }
        if (!"matrix".equals(type)) {
            throw new MalformedInputException(source, "data.resultType", "is '" + type + "', need 'matrix' (query_range)");
        }
        JsonNode result = data.path("result");
        if (!result.isArray()) {
            throw new MalformedInputException(source, "data.result", "must be an array of series");
        }
        var quality = new SampleQuality();
        var series = new ArrayList<MetricSeries>(result.size());
        var rejected = new ArrayList<Rejection>();
        for (int i = 0; i < result.size(); i++) {
            JsonNode s = result.get(i);
            String where = "data.result[" + i + "]";
            JsonNode values = s.path("values");
            if (!values.isArray()) {
                rejected.add(new Rejection(source, where + ".values", "missing or not an array"));
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            s.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            String name = labels.remove("__name__");
            var b = new TimeSeries.Builder(quality);
            for (JsonNode pair : values) {
                if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
                    quality.nonNumeric++;
                    continue;
                }
                long t = Math.round(pair.get(0).asDouble() * 1000);
                Double v = value(pair.get(1));
                if (v == null) {
                    quality.nonNumeric++;
                } else {
                    b.add(t, v);
                }
            }
            TimeSeries ts = b.build();
            quality.countGaps(ts);
            series.add(new MetricSeries(name, labels, ts));
        }
        return new MetricSet(source, series, quality, rejected);
    }

    /** The numeric value (NaN and infinities included, the builder counts them), or null for a non-number. */
    static Double value(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (!v.isTextual()) {
            return null;
        }
        return switch (v.asText().trim()) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(v.asText().trim());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }
}
