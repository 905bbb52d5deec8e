package dev.taproot.api.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.baseline.PushedTelemetry;
import dev.taproot.ingest.coalesce.CoalescedGraphWrites;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.telemetry.OtlpProtobuf;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.telemetry.TelemetryFormat;
import dev.taproot.ingest.telemetry.TelemetryRequest;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Telemetry ingestion: each body is analysed into anomaly signals (and CALLS edges for traces) and
 * written in one transaction; OTLP pushes without a window go through {@link CoalescedGraphWrites}
 * instead (stored before the answer when they change what an analysis reads, edge figures within a second).
 * <ul>
 *   <li>{@code POST /api/v1/ingest/prometheus}: a Prometheus {@code query_range} response</li>
 *   <li>{@code POST /api/v1/ingest/prometheus/pull}: {@code {"source", "queries": {name: promql}, "start", "end", "step"}}
 *       runs the queries (the source's own when none are given) against a configured Prometheus source
 *       ({@link PrometheusPulls}: bounded pool, deadline, size cap) and analyses the answers</li>
 *   <li>{@code POST /api/v1/ingest/otlp/v1/traces}, {@code /otlp/v1/logs}: OTLP/HTTP, protobuf
 *       ({@code application/x-protobuf}, answered in protobuf) or JSON, plain or gzip</li>
 *   <li>{@code POST /api/v1/ingest/jaeger}: Jaeger query API JSON; {@code POST /api/v1/ingest/loki}: Loki streams</li>
 * </ul>
 * Query parameters {@code start} and {@code end} (ISO-8601 or epoch seconds) give the window: the body's
 * data before {@code start} is its baseline; without them an OTLP push is compared with the baseline kept
 * across requests ({@link PushedTelemetry}: rolling per-series summaries on disk, never the push's own first
 * half) and the other bodies with the first half of each series. The answer
 * is the analysis report; a body that cannot be read is a 400 naming the problem; nothing is written.
 */
public final class TelemetryRoutes implements Routes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Most queries one pull may run. */
    static final int MAX_QUERIES = 20;
    static final long DEFAULT_STEP_SECONDS = 15;

    private final GraphStore store;
    private final TelemetryAnalyzer analyzer;
    private final PrometheusPulls pulls;
    private final long maxBodyBytes;
    private final Supplier<PushedTelemetry> pushed;
    private final Supplier<CoalescedGraphWrites> writes;

    public TelemetryRoutes(GraphStore store, PrometheusPulls pulls, long maxBodyBytes) {
        this(store, new TelemetryAnalyzer(), pulls, maxBodyBytes);
    }

    public TelemetryRoutes(GraphStore store, TelemetryAnalyzer analyzer, PrometheusPulls pulls, long maxBodyBytes) {
        this(store, analyzer, pulls, maxBodyBytes, null, null);
    }

    /**
     * @param pushed the baseline kept across requests that OTLP pushes without {@code start}/{@code end} are
     *               compared with, or null to analyse each push on its own
     * @param writes where those pushes' graph records go (coalesced), with {@code pushed}
     */
    public TelemetryRoutes(GraphStore store, TelemetryAnalyzer analyzer, PrometheusPulls pulls, long maxBodyBytes,
                           Supplier<PushedTelemetry> pushed, Supplier<CoalescedGraphWrites> writes) {
        this.store = store;
        this.analyzer = analyzer;
        this.pulls = pulls;
        this.maxBodyBytes = maxBodyBytes;
        this.pushed = pushed;
        this.writes = writes;
    }

    @Override
    public void register(JavalinConfig config) {
        String answer = "summary, signals, counts, unresolved and rejected records (OTLP: also partialSuccess)";
        new ApiRouter(config)
                .post("/api/v1/ingest/prometheus", Role.INGEST, telemetry("Prometheus metrics (text exposition or query_range JSON)",
                        "text/plain", answer), ctx -> ingest(ctx, TelemetryFormat.PROMETHEUS, false))
                .post("/api/v1/ingest/prometheus/pull", Role.INGEST, RouteDoc.of("ingest",
                        "Pull the configured Prometheus queries now").response(RouteDoc.JSON, answer), this::pull)
                .post("/api/v1/ingest/otlp/v1/traces", Role.INGEST, telemetry("OTLP traces (protobuf, or OTLP JSON)",
                        "application/x-protobuf", answer), ctx -> ingest(ctx, TelemetryFormat.OTLP_TRACES, true))
                .post("/api/v1/ingest/otlp/v1/logs", Role.INGEST, telemetry("OTLP logs (protobuf, or OTLP JSON)",
                        "application/x-protobuf", answer), ctx -> ingest(ctx, TelemetryFormat.OTLP_LOGS, true))
                .post("/api/v1/ingest/jaeger", Role.INGEST, telemetry("Jaeger traces (the JSON of its query API)",
                        RouteDoc.JSON, answer), ctx -> ingest(ctx, TelemetryFormat.JAEGER, false))
                .post("/api/v1/ingest/loki", Role.INGEST, telemetry("Loki log streams (the JSON of its query API)",
                        RouteDoc.JSON, answer), ctx -> ingest(ctx, TelemetryFormat.LOKI, false));
    }

    private static RouteDoc telemetry(String what, String mediaType, String answer) {
        return RouteDoc.of("ingest", "Ingest " + what + " and detect anomalies in it")
                .body(mediaType, what).response(RouteDoc.JSON, answer);
    }

    private void ingest(Context ctx, TelemetryFormat format, boolean otlp) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        boolean protobuf = type.contains("protobuf");
        if (protobuf && !otlp) {
            throw new Problem(415, "Unsupported media type", "this endpoint takes JSON; protobuf is accepted on the OTLP endpoints only");
        }
        if (!protobuf && !type.isEmpty() && !type.contains("json")) {
            throw new Problem(415, "Unsupported media type", "Content-Type must be application/json"
                    + (otlp ? " or application/x-protobuf" : "") + ", was '" + ctx.contentType() + "'");
        }
        byte[] body = OtlpBodies.decode(ctx.header("Content-Encoding"), ctx.bodyAsBytes(), maxBodyBytes);
        String name = "request" + format.suffix();
        if (protobuf) {
            try {
                body = format == TelemetryFormat.OTLP_TRACES ? OtlpProtobuf.tracesToJson(name, body) : OtlpProtobuf.logsToJson(name, body);
            } catch (MalformedInputException e) {
                throw new Problem(400, "Malformed input", e.getMessage(), Map.of("source", e.source(), "location", e.location()));
            }
        }
        var input = new IngestInput(name, body, Instant.now());
        AnalysisWindow window = window(ctx.queryParam("start"), ctx.queryParam("end"));
        TelemetryReport report = otlp && pushed != null && !window.known() && window.end() == null
                ? compareWithStoredBaseline(input) : analyseAndStore(List.of(input), window);
        if (protobuf) {
            ctx.contentType("application/x-protobuf").result(OtlpBodies.exportResponse(format == TelemetryFormat.OTLP_TRACES,
                    report.rejected().size(), report.rejected().isEmpty() ? "" : report.rejected().getFirst().toString()));
            return;
        }
        respond(ctx, report, otlp ? format : null);
    }

    private void pull(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badRequest("body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("body must be a JSON object: {\"source\", \"queries\", \"start\", \"end\", \"step\"}");
        }
        if (body.has("url")) {
            throw Problem.badRequest("url: pulls go only to configured sources; name one with \"source\""
                    + (pulls.names().isEmpty() ? " after configuring sources.prometheus" : ": one of " + pulls.names()));
        }
        if (!body.path("source").isTextual()) {
            throw Problem.badRequest("source: the name of a configured Prometheus source is required"
                    + (pulls.names().isEmpty() ? "" : ": one of " + pulls.names()));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        JsonNode q = body.path("queries");
        if (!q.isMissingNode() && !q.isNull()) {
            if (!q.isObject()) {
                throw Problem.badRequest("queries: must be an object of name: PromQL");
            }
            if (q.size() > MAX_QUERIES) {
                throw Problem.badRequest("queries: at most " + MAX_QUERIES + " per pull, got " + q.size());
            }
            for (var e : q.properties()) {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank() || e.getValue().asText().length() > 4_000) {
                    throw Problem.badRequest("queries." + e.getKey() + ": must be a PromQL text of 1 to 4000 characters");
                }
                queries.put(e.getKey(), e.getValue().asText());
            }
        }
        AnalysisWindow w = window(body.path("start").asText(null), body.path("end").asText(null));
        Instant end = w.end() != null ? w.end() : Instant.now();
        Instant start = w.start() != null ? w.start() : end.minus(Duration.ofHours(1));
        if (!end.isAfter(start)) {
            throw Problem.badRequest("end: must be after start");
        }
        Duration lookback = Duration.between(start, end);
        JsonNode stepNode = body.path("step");
        if (!stepNode.isMissingNode() && !(stepNode.canConvertToLong() && stepNode.asLong() >= 1 && stepNode.asLong() <= 86_400)) {
            throw Problem.badRequest("step: must be a whole number of seconds between 1 and 86400");
        }
        Duration step = Duration.ofSeconds(stepNode.isMissingNode() ? DEFAULT_STEP_SECONDS : stepNode.asLong());
        // pull a baseline as long as the window before it, so the window is scored against recent history
        List<IngestInput> inputs = pulls.pull(body.path("source").asText(), queries, start.minus(lookback), end, step);
        respond(ctx, analyseAndStore(inputs, new AnalysisWindow(start, end)), null);
    }

    private TelemetryReport analyseAndStore(List<IngestInput> inputs, AnalysisWindow window) {
        var writer = new GraphWriter();
        TelemetryReport report;
        try {
            report = analyzer.analyze(new TelemetryRequest(inputs, List.of(), window), TelemetryEntities.Graph.of(store), writer);
        } catch (MalformedInputException e) {
            throw new Problem(400, "Malformed input", e.getMessage(), Map.of("source", e.source(), "location", e.location()));
        }
        store.write(writer.batch());
        return report;
    }

    /**
     * An OTLP push without a window: compared with the baseline kept across requests, then learnt. Its graph
     * records go through the coalesced writes: answered once what an analysis reads is stored.
     */
    private TelemetryReport compareWithStoredBaseline(IngestInput input) {
        var writer = new GraphWriter();
        CoalescedGraphWrites graph = writes == null ? null : writes.get();
        TelemetryReport report;
        try {
            report = pushed.get().analyze(input, graph == null ? TelemetryEntities.Graph.of(store) : graph.lookups(), writer);
        } catch (MalformedInputException e) {
            throw new Problem(400, "Malformed input", e.getMessage(), Map.of("source", e.source(), "location", e.location()));
        }
        if (graph == null) {
            store.write(writer.batch());
        } else {
            graph.write(writer.batch());
        }
        return report;
    }

    private void respond(Context ctx, TelemetryReport report, TelemetryFormat otlp) {
        var answer = new LinkedHashMap<String, Object>();
        if (otlp != null) {
            int rejected = report.rejected().size();
            var partial = new LinkedHashMap<String, Object>();
            if (rejected > 0) {
                partial.put(otlp == TelemetryFormat.OTLP_TRACES ? "rejectedSpans" : "rejectedLogRecords", rejected);
                partial.put("errorMessage", report.rejected().getFirst().toString());
            }
            answer.put("partialSuccess", partial);
        }
        answer.put("summary", report.summary());
        answer.put("signals", report.signals());
        answer.put("counts", report.counts());
        answer.put("unresolved", report.unresolved());
        answer.put("rejected", report.rejected().stream().map(Object::toString).toList());
        ctx.json(answer);
    }

    static AnalysisWindow window(String start, String end) {
        return new AnalysisWindow(instant(start, "start"), instant(end, "end"));
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.matches("\\d+(\\.\\d+)?") ? Instant.ofEpochMilli((long) (Double.parseDouble(text) * 1000))
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be ISO-8601 or epoch seconds, was '" + text + "'");
        }
    }
}
