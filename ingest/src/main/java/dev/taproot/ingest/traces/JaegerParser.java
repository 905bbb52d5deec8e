package dev.taproot.ingest.traces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.JsonInputs;

/**
 * Reads Jaeger query API JSON ({@code {"data": [{"traceID", "spans", "processes"}]}}, as
 * {@code /api/traces} answers) or a bare array of spans each carrying its {@code process}. Times are
 * microseconds; the parent is the {@code CHILD_OF} reference; {@code span.kind} and {@code error}
 * tags and {@code http.status_code} are honoured.
 */
public final class JaegerParser {

    public SpanSet parse(IngestInput input) throws MalformedInputException {
        JsonNode root;
        String text = input.head(1);
        if (text.startsWith("[")) {
            try {
                root = JsonInputs.mapper().readTree(input.content());
            } catch (java.io.IOException e) {
                throw new MalformedInputException(input.name(), "body", "not JSON: " + dev.taproot.ingest.JsonProblems.describe(e), e);
            }
            var spans = new ArrayList<Span>();
            var rejected = new ArrayList<Rejection>();
            readSpans(input.name(), root, Map.of(), "[", spans, rejected);
            return new SpanSet(input.name(), spans, rejected);
        }
        root = JsonInputs.readObject(input, "Jaeger API JSON");
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new MalformedInputException(input.name(), "data", "missing or not an array: not Jaeger API JSON");
        }
        var spans = new ArrayList<Span>();
        var rejected = new ArrayList<Rejection>();
        for (int t = 0; t < data.size(); t++) {
            Map<String, String> processes = new LinkedHashMap<>();
            data.get(t).path("processes").properties()
                    .forEach(e -> processes.put(e.getKey(), e.getValue().path("serviceName").asText(null)));
            readSpans(input.name(), data.get(t).path("spans"), processes, "data[" + t + "].spans[", spans, rejected);
        }
        return new SpanSet(input.name(), spans, rejected);
    }

    private static void readSpans(String source, JsonNode list, Map<String, String> processes, String path,
                                  List<Span> spans, List<Rejection> rejected) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode sp = list.get(i);
            String where = path + i + "]";
            String service = sp.has("process") ? sp.path("process").path("serviceName").asText(null)
                    : processes.get(sp.path("processID").asText());
            String traceId = sp.path("traceID").asText("");
            String spanId = sp.path("spanID").asText("");
            if (service == null || traceId.isEmpty() || spanId.isEmpty()) {
                rejected.add(new Rejection(source, where, "traceID, spanID and a process with serviceName are required"));
                continue;
            }
            if (!sp.path("startTime").isNumber() || !sp.path("duration").isNumber()) {
                rejected.add(new Rejection(source, where + ".startTime", "startTime and duration (microseconds) are required"));
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (JsonNode tag : sp.path("tags")) {
                tags.put(tag.path("key").asText(), tag.path("value").asText());
            }
            String parent = null;
            for (JsonNode ref : sp.path("references")) {
                if ("CHILD_OF".equals(ref.path("refType").asText()) || parent == null) {
                    parent = ref.path("spanID").asText(null);
                }
            }
            long start = sp.path("startTime").asLong() * 1000;
            long end = start + sp.path("duration").asLong() * 1000;
            String kind = tags.get("span.kind");
            spans.add(new Span(traceId.toLowerCase(Locale.ROOT), spanId.toLowerCase(Locale.ROOT),
                    parent == null ? null : parent.toLowerCase(Locale.ROOT), service, null,
                    sp.path("operationName").asText(""), kind, start, end, SpanStatus.of(false, tags, null),
                    tags.get("error.message"), SpanStatus.peer(tags)));
        }
    }
}
