package dev.taproot.ingest.telemetry;

import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.taproot.ingest.MalformedInputException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * OTLP/HTTP's binary encoding (the collector's default, {@code application/x-protobuf}) turned into
 * the OTLP/JSON form Taproot's trace and log readers take, as the OTLP specification maps one to the
 * other: trace and span ids as hex, enums as numbers, 64-bit integers as strings. So a protobuf push
 * and a JSON push of the same telemetry give the same signals.
 */
public final class OtlpProtobuf {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private OtlpProtobuf() {
    }

    /** An {@code ExportTraceServiceRequest} as OTLP/JSON bytes. */
    public static byte[] tracesToJson(String source, byte[] protobuf) throws MalformedInputException {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(protobuf);
        } catch (InvalidProtocolBufferException e) {
            throw malformed(source, "ExportTraceServiceRequest", e);
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode resources = root.putArray("resourceSpans");
        for (var rs : request.getResourceSpansList()) {
            ObjectNode r = resources.addObject();
            attributes(r.putObject("resource"), rs.getResource().getAttributesList());
            ArrayNode scopes = r.putArray("scopeSpans");
            for (var ss : rs.getScopeSpansList()) {
                ArrayNode spans = scopes.addObject().putArray("spans");
                for (Span sp : ss.getSpansList()) {
                    ObjectNode s = spans.addObject();
                    s.put("traceId", hex(sp.getTraceId()));
                    s.put("spanId", hex(sp.getSpanId()));
                    if (!sp.getParentSpanId().isEmpty()) {
                        s.put("parentSpanId", hex(sp.getParentSpanId()));
                    }
                    s.put("name", sp.getName());
                    s.put("kind", sp.getKindValue());
                    s.put("startTimeUnixNano", Long.toUnsignedString(sp.getStartTimeUnixNano()));
                    s.put("endTimeUnixNano", Long.toUnsignedString(sp.getEndTimeUnixNano()));
                    attributes(s, sp.getAttributesList());
                    ObjectNode status = s.putObject("status");
                    status.put("code", sp.getStatus().getCodeValue());
                    if (!sp.getStatus().getMessage().isEmpty()) {
                        status.put("message", sp.getStatus().getMessage());
                    }
                    ArrayNode events = s.putArray("events");
                    for (var ev : sp.getEventsList()) {
                        ObjectNode e = events.addObject();
                        e.put("name", ev.getName());
                        e.put("timeUnixNano", Long.toUnsignedString(ev.getTimeUnixNano()));
                        attributes(e, ev.getAttributesList());
                    }
                }
            }
        }
        return bytes(root);
    }

    /** An {@code ExportLogsServiceRequest} as OTLP/JSON bytes. */
    public static byte[] logsToJson(String source, byte[] protobuf) throws MalformedInputException {
        ExportLogsServiceRequest request;
        try {
            request = ExportLogsServiceRequest.parseFrom(protobuf);
        } catch (InvalidProtocolBufferException e) {
            throw malformed(source, "ExportLogsServiceRequest", e);
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode resources = root.putArray("resourceLogs");
        for (var rl : request.getResourceLogsList()) {
            ObjectNode r = resources.addObject();
            attributes(r.putObject("resource"), rl.getResource().getAttributesList());
            ArrayNode scopes = r.putArray("scopeLogs");
            for (var sl : rl.getScopeLogsList()) {
                ArrayNode records = scopes.addObject().putArray("logRecords");
                for (LogRecord lr : sl.getLogRecordsList()) {
                    ObjectNode l = records.addObject();
                    l.put("timeUnixNano", Long.toUnsignedString(lr.getTimeUnixNano()));
                    l.put("observedTimeUnixNano", Long.toUnsignedString(lr.getObservedTimeUnixNano()));
                    l.put("severityNumber", lr.getSeverityNumberValue());
                    if (!lr.getSeverityText().isEmpty()) {
                        l.put("severityText", lr.getSeverityText());
                    }
                    l.set("body", anyValue(lr.getBody()));
                    attributes(l, lr.getAttributesList());
                    if (!lr.getTraceId().isEmpty()) {
                        l.put("traceId", hex(lr.getTraceId()));
                    }
                    if (!lr.getSpanId().isEmpty()) {
                        l.put("spanId", hex(lr.getSpanId()));
                    }
                }
            }
        }
        return bytes(root);
    }

    private static MalformedInputException malformed(String source, String message, InvalidProtocolBufferException e) {
        String why = dev.taproot.graph.store.ErrorMessages.describe(e).lines().findFirst().orElse("unreadable");
        return new MalformedInputException(source, "body", "not an OTLP " + message + " in protobuf: " + why, e);
    }

    private static void attributes(ObjectNode into, List<KeyValue> list) {
        ArrayNode out = into.putArray("attributes");
        for (KeyValue kv : list) {
            ObjectNode a = out.addObject();
            a.put("key", kv.getKey());
            a.set("value", anyValue(kv.getValue()));
        }
    }

    private static JsonNode anyValue(AnyValue v) {
        ObjectNode n = JSON.createObjectNode();
        switch (v.getValueCase()) {
            case STRING_VALUE -> n.put("stringValue", v.getStringValue());
            case INT_VALUE -> n.put("intValue", Long.toString(v.getIntValue()));
            case DOUBLE_VALUE -> n.put("doubleValue", v.getDoubleValue());
            case BOOL_VALUE -> n.put("boolValue", v.getBoolValue());
            case BYTES_VALUE -> n.put("bytesValue", java.util.Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                ArrayNode values = n.putObject("arrayValue").putArray("values");
                v.getArrayValue().getValuesList().forEach(x -> values.add(anyValue(x)));
            }
            case KVLIST_VALUE -> {
                ArrayNode values = n.putObject("kvlistValue").putArray("values");
                for (KeyValue kv : v.getKvlistValue().getValuesList()) {
                    values.addObject().put("key", kv.getKey()).set("value", anyValue(kv.getValue()));
                }
            }
            default -> {
                // an empty AnyValue stays an empty object, as in OTLP/JSON
            }
        }
        return n;
    }

    private static String hex(ByteString id) {
        return HEX.formatHex(id.toByteArray());
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("writing OTLP/JSON failed", e);
        }
    }
}
