package dev.taproot.api.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import dev.taproot.api.web.Problem;

/** OTLP/HTTP request bodies (gzip or plain) and protobuf answers. */
final class OtlpBodies {

    private OtlpBodies() {
    }

    /**
     * The body without its content encoding. A gzip body may expand to at most {@code maxBytes}, the
     * same limit as a plain one, so a small compressed body cannot become a huge one.
     */
    static byte[] decode(String contentEncoding, byte[] body, long maxBytes) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip")) {
            throw new Problem(415, "Unsupported media type", "Content-Encoding must be gzip or none, was '" + contentEncoding + "'");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            var out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw new Problem(413, "Content too large", "the gzip body expands beyond " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw Problem.badRequest("the body is not valid gzip: " + dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    /** An {@code Export*ServiceResponse}, with partial success when records were rejected. */
    static byte[] exportResponse(boolean traces, int rejected, String message) {
        if (traces) {
            var r = ExportTraceServiceResponse.newBuilder();
            if (rejected > 0) {
                r.setPartialSuccess(ExportTracePartialSuccess.newBuilder().setRejectedSpans(rejected).setErrorMessage(message));
            }
            return r.build().toByteArray();
        }
        var r = ExportLogsServiceResponse.newBuilder();
        if (rejected > 0) {
            r.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(rejected).setErrorMessage(message));
        }
        return r.build().toByteArray();
    }
}
