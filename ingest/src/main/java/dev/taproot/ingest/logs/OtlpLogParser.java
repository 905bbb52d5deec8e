package dev.taproot.ingest.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.JsonInputs;
import dev.taproot.ingest.traces.OtlpJson;

/**
 * Reads an OTLP/JSON {@code ExportLogsServiceRequest}: {@code resourceLogs[].resource.attributes} give
 * the labels, {@code scopeLogs[]} (or {@code instrumentationLibraryLogs[]}) {@code .logRecords[]} the
 * lines: {@code timeUnixNano} (else {@code observedTimeUnixNano}), {@code severityText} (else
 * {@code severityNumber}, else a level word in the body) and {@code body}.
 */
public final class OtlpLogParser {

    public LogSet parse(IngestInput input) throws MalformedInputException {
        JsonNode root = JsonInputs.readObject(input, "an OTLP/JSON ExportLogsServiceRequest");
        JsonNode resources = root.path("resourceLogs");
        if (!resources.isArray()) {
            throw new MalformedInputException(input.name(), "resourceLogs", "missing or not an array: not an OTLP/JSON log export");
        }
        var records = new ArrayList<LogRecord>();
        var rejected = new ArrayList<Rejection>();
        for (int r = 0; r < resources.size(); r++) {
            JsonNode rl = resources.get(r);
            Map<String, String> labels = OtlpJson.attributes(rl.path("resource").path("attributes"));
            JsonNode scopes = rl.has("scopeLogs") ? rl.path("scopeLogs") : rl.path("instrumentationLibraryLogs");
            for (int s = 0; s < scopes.size(); s++) {
                JsonNode list = scopes.get(s).path("logRecords");
                for (int i = 0; i < list.size(); i++) {
                    JsonNode lr = list.get(i);
                    String where = "resourceLogs[" + r + "].scopeLogs[" + s + "].logRecords[" + i + "]";
                    long nanos = OtlpJson.uint64(lr.path("timeUnixNano"));
                    if (nanos <= 0) {
                        nanos = OtlpJson.uint64(lr.path("observedTimeUnixNano"));
                    }
                    if (nanos <= 0) {
                        rejected.add(new Rejection(input.name(), where + ".timeUnixNano", "no time (timeUnixNano or observedTimeUnixNano)"));
                        continue;
                    }
                    String body = OtlpJson.anyValue(lr.path("body"));
                    if (body == null) {
                        rejected.add(new Rejection(input.name(), where + ".body", "no body"));
                        continue;
                    }
                    String level = LogLevels.normalise(lr.path("severityText").asText(null));
                    if (level == null) {
                        level = LogLevels.ofNumber(lr.path("severityNumber").asInt(0));
                    }
                    if (level == null) {
                        level = LogLevels.inText(body);
                    }
                    Map<String, String> l = labels;
                    Map<String, String> attrs = OtlpJson.attributes(lr.path("attributes"));
                    if (attrs.containsKey("service.name")) {
                        l = new LinkedHashMap<>(labels);
                        l.put("service.name", attrs.get("service.name"));
                    }
                    records.add(new LogRecord(nanos / 1_000_000, l, level, body));
                }
            }
        }
        return new LogSet(input.name(), records, rejected);
    }
}
