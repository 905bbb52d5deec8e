package dev.taproot.ingest.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.JsonInputs;

/**
 * Reads a Loki HTTP API {@code query_range} response with {@code "resultType": "streams"}: each stream's
 * labels ({@code service_name}, {@code app}, {@code job}, {@code pod}, {@code container},
 * {@code namespace}, {@code level} or {@code detected_level}) and its {@code values} of
 * {@code ["<epoch ns>", "<line>"]}. The level comes from the stream's level label, else a level word in
 * the line.
 */
public final class LokiParser {

    public LogSet parse(IngestInput input) throws MalformedInputException {
        JsonNode root = JsonInputs.readObject(input, "a Loki query_range response");
        if (root.has("status") && !"success".equals(root.path("status").asText())) {
            throw new MalformedInputException(input.name(), "status", "Loki answered '" + root.path("status").asText() + "'");
        }
        JsonNode data = root.has("data") ? root.get("data") : root;
        if (!"streams".equals(data.path("resultType").asText())) {
            throw new MalformedInputException(input.name(), "data.resultType",
                    "is '" + data.path("resultType").asText("") + "', need 'streams' (a Loki log query)");
        }
        var records = new ArrayList<LogRecord>();
        var rejected = new ArrayList<Rejection>();
        JsonNode result = data.path("result");
        for (int s = 0; s < result.size(); s++) {
            JsonNode stream = result.get(s);
            Map<String, String> labels = new LinkedHashMap<>();
            stream.path("stream").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            String streamLevel = LogLevels.normalise(labels.getOrDefault("level", labels.get("detected_level")));
            JsonNode values = stream.path("values");
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                String where = "data.result[" + s + "].values[" + i + "]";
                long nanos;
                try {
                    nanos = Long.parseLong(v.path(0).asText().trim());
                } catch (NumberFormatException e) {
                    rejected.add(new Rejection(input.name(), where + "[0]", "timestamp is not epoch nanoseconds"));
                    continue;
                }
                String line = v.path(1).asText(null);
                if (line == null) {
                    rejected.add(new Rejection(input.name(), where + "[1]", "no log line"));
                    continue;
                }
                String level = streamLevel != null ? streamLevel : LogLevels.inText(line);
                records.add(new LogRecord(nanos / 1_000_000, labels, level, line));
            }
        }
        return new LogSet(input.name(), records, rejected);
    }
}
