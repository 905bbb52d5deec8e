package dev.taproot.api.http;

import java.io.IOException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** Test data: an OTLP/JSON traces file encoded as the collector would send it, in protobuf. */
final class OtlpJsonToProtobuf {

    private OtlpJsonToProtobuf() {
    }

    static byte[] traces(byte[] json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        var request = ExportTraceServiceRequest.newBuilder();
        for (JsonNode rs : root.path("resourceSpans")) {
            var resource = Resource.newBuilder();
            rs.path("resource").path("attributes").forEach(a -> resource.addAttributes(kv(a)));
            var r = ResourceSpans.newBuilder().setResource(resource);
            for (JsonNode ss : rs.path("scopeSpans")) {
                var scope = ScopeSpans.newBuilder();
                for (JsonNode sp : ss.path("spans")) {
                    var span = Span.newBuilder().setTraceId(id(sp.path("traceId").asText()))
                            .setSpanId(id(sp.path("spanId").asText())).setName(sp.path("name").asText())
                            .setKindValue(sp.path("kind").asInt())
                            .setStartTimeUnixNano(Long.parseUnsignedLong(sp.path("startTimeUnixNano").asText()))
                            .setEndTimeUnixNano(Long.parseUnsignedLong(sp.path("endTimeUnixNano").asText()))
                            .setStatus(Status.newBuilder().setCodeValue(sp.path("status").path("code").asInt())
                                    .setMessage(sp.path("status").path("message").asText("")));
                    if (!sp.path("parentSpanId").asText("").isEmpty()) {
                        span.setParentSpanId(id(sp.path("parentSpanId").asText()));
                    }
                    sp.path("attributes").forEach(a -> span.addAttributes(kv(a)));
                    scope.addSpans(span);
                }
                r.addScopeSpans(scope);
            }
            request.addResourceSpans(r);
        }
        return request.build().toByteArray();
    }

    private static ByteString id(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private static KeyValue kv(JsonNode a) {
        JsonNode v = a.path("value");
        var any = AnyValue.newBuilder();
        if (v.has("intValue")) {
            any.setIntValue(v.path("intValue").asLong());
        } else if (v.has("boolValue")) {
            any.setBoolValue(v.path("boolValue").asBoolean());
        } else if (v.has("doubleValue")) {
            any.setDoubleValue(v.path("doubleValue").asDouble());
        } else {
            any.setStringValue(v.path("stringValue").asText());
        }
        return KeyValue.newBuilder().setKey(a.path("key").asText()).setValue(any).build();
    }
}
