package dev.taproot.ingest.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.JsonInputs;

/**
 * Reads an OTLP/JSON {@code ExportTraceServiceRequest}: {@code resourceSpans[].resource.attributes}
 * ({@code service.name}, {@code k8s.pod.name}), {@code scopeSpans[]} (or the older
 * {@code instrumentationLibrarySpans[]}) {@code .spans[]}. A span without ids or times is rejected with
 * its path; a body without {@code resourceSpans} is malformed.
 */
public final class OtlpTraceParser {

    public SpanSet parse(IngestInput input) throws MalformedInputException {
        JsonNode root = JsonInputs.readObject(input, "an OTLP/JSON ExportTraceServiceRequest");
        JsonNode resources = root.path("resourceSpans");
        if (!resources.isArray()) {
            throw new MalformedInputException(input.name(), "resourceSpans", "missing or not an array: not an OTLP/JSON trace export");
        }
        var spans = new ArrayList<Span>();
        var rejected = new ArrayList<Rejection>();
        for (int r = 0; r < resources.size(); r++) {
            JsonNode rs = resources.get(r);
            Map<String, String> res = OtlpJson.attributes(rs.path("resource").path("attributes"));
            String service = res.getOrDefault("service.name", null);
            String pod = res.get("k8s.pod.name");
            JsonNode scopes = rs.has("scopeSpans") ? rs.path("scopeSpans") : rs.path("instrumentationLibrarySpans");
            for (int s = 0; s < scopes.size(); s++) {
                JsonNode list = scopes.get(s).path("spans");
                for (int i = 0; i < list.size(); i++) {
                    String where = "resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "]";
                    JsonNode sp = list.get(i);
                    if (service == null) {
                        rejected.add(new Rejection(input.name(), where, "no service.name resource attribute"));
                        continue;
                    }
                    String traceId = sp.path("traceId").asText("");
                    String spanId = sp.path("spanId").asText("");
                    long start = OtlpJson.uint64(sp.path("startTimeUnixNano"));
                    long end = OtlpJson.uint64(sp.path("endTimeUnixNano"));
                    if (traceId.isEmpty() || spanId.isEmpty()) {
                        rejected.add(new Rejection(input.name(), where, "traceId and spanId are required"));
                        continue;
                    }
                    if (start <= 0 || end < start) {
                        rejected.add(new Rejection(input.name(), where + ".startTimeUnixNano",
                                "start and end times missing, unreadable or end before start"));
                        continue;
                    }
                    Map<String, String> attrs = OtlpJson.attributes(sp.path("attributes"));
                    String exception = null;
                    String message = sp.path("status").path("message").asText(null);
                    for (JsonNode ev : sp.path("events")) {
                        if ("exception".equals(ev.path("name").asText())) {
                            Map<String, String> ea = OtlpJson.attributes(ev.path("attributes"));
                            exception = ea.getOrDefault("exception.type", "exception");
                            message = ea.getOrDefault("exception.message", message);
                        }
                    }
                    String parent = sp.path("parentSpanId").asText("");
                    spans.add(new Span(traceId.toLowerCase(Locale.ROOT), spanId.toLowerCase(Locale.ROOT),
                            parent.isEmpty() ? null : parent.toLowerCase(Locale.ROOT), service, pod,
                            sp.path("name").asText(""), OtlpJson.spanKind(sp.path("kind")), start, end,
                            SpanStatus.of(OtlpJson.statusError(sp.path("status")), attrs, exception),
                            message, SpanStatus.peer(attrs)));
                }
            }
        }
        return new SpanSet(input.name(), spans, rejected);
    }
}
