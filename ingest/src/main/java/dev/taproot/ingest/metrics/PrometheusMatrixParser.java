package dev.taproot.ingest.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.anomaly.SampleQuality;
import dev.taproot.ingest.anomaly.TimeSeries;

/**
 * Reads a Prometheus HTTP API {@code query_range} response ({@code "resultType": "matrix"}), either the
 * whole envelope {@code {"status": "success", "data": {...}}} or its {@code data} object alone, with a
 * streaming parser (large responses never become a tree). Sample values are strings ({@code "0.25"},
 * {@code "NaN"}, {@code "+Inf"}); times are epoch seconds. Non-numeric and non-finite values are counted
 * and skipped, out-of-order samples sorted and counted; a series without {@code values} is rejected with
 * its index; a body that is not such a response is malformed, with the reason and position.
 */
public final class PrometheusMatrixParser {

    private static final JsonFactory JSON = new JsonFactory();

    /** Parses one response. */
    public MetricSet parse(IngestInput input) throws MalformedInputException {
        String source = input.name();
        var quality = new SampleQuality();
        var series = new ArrayList<MetricSeries>();
        var rejected = new ArrayList<Rejection>();
        var envelope = new Envelope();
        try (JsonParser p = JSON.createParser(input.content())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedInputException(source, "body", "expected a JSON object (a Prometheus query_range response)");
            }
            boolean sawData = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> envelope.status = p.getValueAsString();
                    case "errorType" -> envelope.errorType = p.getValueAsString();
                    case "error" -> envelope.error = p.getValueAsString();
                    case "data" -> {
                        sawData = true;
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw new MalformedInputException(source, "data", "must be an object");
                        }
                        readData(p, source, envelope, series, quality, rejected);
                    }
                    case "resultType" -> envelope.resultType = p.getValueAsString();
                    case "result" -> {
                        envelope.sawResult = true;
                        readResult(p, source, series, quality, rejected);
                    }
                    default -> p.skipChildren();
                }
            }
            if (envelope.status != null && !"success".equals(envelope.status)) {
                throw new MalformedInputException(source, "status", "Prometheus answered '" + envelope.status + "': "
                        + (envelope.errorType == null ? "" : envelope.errorType) + " " + (envelope.error == null ? "" : envelope.error));
            }
            String where = sawData ? "data.resultType" : "resultType";
            if (envelope.resultType == null) {
                throw new MalformedInputException(source, where, "missing: not a Prometheus query_range response");
            }
            if (!"matrix".equals(envelope.resultType)) {
                throw new MalformedInputException(source, where, "is '" + envelope.resultType + "', need 'matrix' (query_range)");
            }
            if (!envelope.sawResult) {
                throw new MalformedInputException(source, "data.result", "missing: need an array of series");
            }
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "body" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new MalformedInputException(source, where, "not JSON: " + dev.taproot.ingest.JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw new MalformedInputException(source, "body", "cannot read: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        return new MetricSet(source, series, quality, rejected);
    }

    private static final class Envelope {
        String status;
        String errorType;
        String error;
        String resultType;
        boolean sawResult;
    }

    private void readData(JsonParser p, String source, Envelope envelope, List<MetricSeries> series,
                          SampleQuality quality, List<Rejection> rejected) throws IOException, MalformedInputException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if ("resultType".equals(field)) {
                envelope.resultType = p.getValueAsString();
            } else if ("result".equals(field)) {
                envelope.sawResult = true;
                readResult(p, source, series, quality, rejected);
            } else {
                p.skipChildren();
            }
        }
    }

    private void readResult(JsonParser p, String source, List<MetricSeries> series, SampleQuality quality,
                            List<Rejection> rejected) throws IOException, MalformedInputException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedInputException(source, "data.result", "must be an array of series");
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String where = "data.result[" + index++ + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                rejected.add(new Rejection(source, where, "not an object"));
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            TimeSeries values = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("metric".equals(field) && t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String label = p.currentName();
                        p.nextToken();
                        labels.put(label, p.getValueAsString());
                        p.skipChildren();
                    }
                } else if ("values".equals(field) && t == JsonToken.START_ARRAY) {
                    values = readValues(p, quality);
                } else {
                    p.skipChildren();
                }
            }
            if (values == null) {
                rejected.add(new Rejection(source, where + ".values", "missing or not an array"));
                continue;
            }
            quality.countGaps(values);
            String name = labels.remove("__name__");
            series.add(new MetricSeries(name, labels, values));
        }
    }

    private static TimeSeries readValues(JsonParser p, SampleQuality quality) throws IOException {
        var b = new TimeSeries.Builder(quality);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                quality.nonNumeric++;
                continue;
            }
            JsonToken t = p.nextToken();
            if (!t.isNumeric()) {
                quality.nonNumeric++;
                skipToArrayEnd(p);
                continue;
            }
            long time = Math.round(p.getDoubleValue() * 1000);
            JsonToken v = p.nextToken();
            Double value = v == JsonToken.VALUE_STRING ? value(p.getText())
                    : v != null && v.isNumeric() ? p.getDoubleValue() : null;
            if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
                p.skipChildren();
            }
            if (value == null) {
                quality.nonNumeric++;
            } else {
                b.add(time, value);
            }
            skipToArrayEnd(p);
        }
        return b.build();
    }

    private static void skipToArrayEnd(JsonParser p) throws IOException {
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                depth++;
            } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                if (depth-- == 0) {
                    return;
                }
            }
        }
    }

    /** The numeric value of a sample string (NaN and infinities included, the builder counts them), or null. */
    static Double value(String text) {
        String s = text.trim();
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
        };
    }
}
