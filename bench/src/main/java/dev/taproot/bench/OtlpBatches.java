package dev.taproot.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Realistic OTLP export batches, as a collector's batch processor sends them: traces that walk a chain
 * of services (a server span per service, a client span for each call to the next, children pointing at
 * their parents), grouped by service into resource spans; log records with severities, bodies from a few
 * templates with varying fields, and the trace they belong to.
 */
final class OtlpBatches {

    private static final String[] OPERATIONS = {"GET /api/cart", "POST /api/checkout", "GET /api/products", "GET /api/recommendations"};
    private static final String[] LOG_BODIES = {
            "request %d served in %d ms", "cache miss for key user:%d (took %d ms)", "retrying call to downstream, attempt %d after %d ms",
            "connection pool exhausted: %d active, %d waiting", "payment %d declined with code %d"};

    private final int services;
    private final SplittableRandom random;

    /**
     * @param services how many services the traces and logs spread over (names {@code svc-00} ...)
     * @param seed     random seed, so a run can be repeated
     */
    OtlpBatches(int services, long seed) {
        if (services < 2) {
            throw new IllegalArgumentException("at least 2 services");
        }
        this.services = services;
        this.random = new SplittableRandom(seed);
    }

    static String service(int i) {
        return String.format("svc-%02d", i);
    }

    /** A trace export of about {@code spans} spans (whole traces), ending near {@code nowNanos}. */
    ExportTraceServiceRequest traces(int spans, long nowNanos) {
        List<List<Span>> byService = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            byService.add(new ArrayList<>());
        }
        int made = 0;
        while (made < spans) {
            ByteString traceId = id(16);
            int depth = 2 + random.nextInt(Math.min(5, services - 1));
            int entry = random.nextInt(services);
            long start = nowNanos - 5_000_000_000L + random.nextLong(4_000_000_000L);
            long duration = 20_000_000L + random.nextLong(80_000_000L);
            boolean failed = random.nextInt(50) == 0;
            ByteString parent = ByteString.EMPTY;
            String op = OPERATIONS[random.nextInt(OPERATIONS.length)];
            for (int d = 0; d < depth && made < spans; d++) {
                int svc = (entry + d) % services;
                ByteString serverId = id(8);
                byService.get(svc).add(span(traceId, serverId, parent, op, Span.SpanKind.SPAN_KIND_SERVER, start, duration,
                        failed && d == depth - 1));
                made++;
                if (d < depth - 1 && made < spans) {
                    ByteString clientId = id(8);
                    long childStart = start + duration / 10;
                    long childDuration = duration * 8 / 10;
                    byService.get(svc).add(span(traceId, clientId, serverId, "call " + service((entry + d + 1) % services),
                            Span.SpanKind.SPAN_KIND_CLIENT, childStart, childDuration, failed));
                    made++;
                    parent = clientId;
                    start = childStart + 1_000_000L;
                    duration = childDuration - 2_000_000L;
                }
            }
        }
        var request = ExportTraceServiceRequest.newBuilder();
        for (int i = 0; i < services; i++) {
            if (!byService.get(i).isEmpty()) {
                request.addResourceSpans(ResourceSpans.newBuilder().setResource(resource(i))
                        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(byService.get(i))));
            }
        }
        return request.build();
    }

    /** A log export of {@code records} records spread over the services, ending near {@code nowNanos}. */
    ExportLogsServiceRequest logs(int records, long nowNanos) {
        List<List<LogRecord>> byService = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            byService.add(new ArrayList<>());
        }
        for (int n = 0; n < records; n++) {
            int template = random.nextInt(LOG_BODIES.length);
            SeverityNumber severity = template >= 3 ? SeverityNumber.SEVERITY_NUMBER_ERROR
                    : template == 2 ? SeverityNumber.SEVERITY_NUMBER_WARN : SeverityNumber.SEVERITY_NUMBER_INFO;
            long at = nowNanos - random.nextLong(5_000_000_000L);
            byService.get(random.nextInt(services)).add(LogRecord.newBuilder()
                    .setTimeUnixNano(at).setObservedTimeUnixNano(at + 1_000_000L)
                    .setSeverityNumber(severity).setSeverityText(severity.name().substring("SEVERITY_NUMBER_".length()))
                    .setBody(AnyValue.newBuilder().setStringValue(LOG_BODIES[template].formatted(random.nextInt(100_000), random.nextInt(2_000))))
                    .setTraceId(id(16)).setSpanId(id(8)).build());
        }
        var request = ExportLogsServiceRequest.newBuilder();
        for (int i = 0; i < services; i++) {
            if (!byService.get(i).isEmpty()) {
                request.addResourceLogs(ResourceLogs.newBuilder().setResource(resource(i))
                        .addScopeLogs(ScopeLogs.newBuilder().addAllLogRecords(byService.get(i))));
            }
        }
        return request.build();
    }

    /** The bytes gzip-compressed, as an OTLP exporter with {@code compression: gzip} sends them. */
    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Span span(ByteString traceId, ByteString spanId, ByteString parent, String name, Span.SpanKind kind,
                      long start, long duration, boolean failed) {
        return Span.newBuilder().setTraceId(traceId).setSpanId(spanId).setParentSpanId(parent).setName(name).setKind(kind)
                .setStartTimeUnixNano(start).setEndTimeUnixNano(start + Math.max(1_000_000L, duration))
                .addAttributes(attribute("http.route", name))
                .setStatus(Status.newBuilder().setCode(failed ? Status.StatusCode.STATUS_CODE_ERROR : Status.StatusCode.STATUS_CODE_OK))
                .build();
    }

    private static Resource resource(int service) {
        return Resource.newBuilder().addAttributes(attribute("service.name", service(service)))
                .addAttributes(attribute("service.namespace", "bench"))
                .addAttributes(attribute("k8s.pod.name", service(service) + "-7d9f8b6c5-x2k4p")).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private ByteString id(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        b[0] |= 1; // never all zero, which OTLP treats as invalid
        return ByteString.copyFrom(b);
    }
}
