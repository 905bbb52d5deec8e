package dev.taproot.api.http;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.metrics.PrometheusPull;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.telemetry.TelemetryFormat;
import dev.taproot.ingest.detect.TelemetryReport;
import dev.taproot.ingest.telemetry.TelemetryRequest;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Telemetry ingestion: each body is analysed into anomaly signals (and CALLS edges for traces) and
 * written in one transaction.
 * <ul>
 *   <li>{@code POST /api/v1/ingest/prometheus}: a Prometheus {@code query_range} response</li>
 *   <li>{@code POST /api/v1/ingest/prometheus/pull}: {@code {"url", "queries": {name: promql}, "start", "end", "step"}}
 *       runs the queries against that Prometheus and analyses the answers</li>
 *   <li>{@code POST /api/v1/ingest/otlp/v1/traces}, {@code /otlp/v1/logs}: OTLP/HTTP with JSON encoding</li>
 *   <li>{@code POST /api/v1/ingest/jaeger}: Jaeger query API JSON; {@code POST /api/v1/ingest/loki}: Loki streams</li>
 * </ul>
 * Query parameters {@code start} and {@code end} (ISO-8601 or epoch seconds) give the window: the body's
 * data before {@code start} is its baseline; without them the first half of each series is. The answer
 * is the analysis report; a body that cannot be read is a 400 naming the problem; nothing is written.
 */
public final class TelemetryRoutes implements Routes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphStore store;
    private final TelemetryAnalyzer analyzer;

    public TelemetryRoutes(GraphStore store) {
        this(store, new TelemetryAnalyzer());
    }

    public TelemetryRoutes(GraphStore store, TelemetryAnalyzer analyzer) {
        this.store = store;
        this.analyzer = analyzer;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/v1/ingest/prometheus", ctx -> ingest(ctx, TelemetryFormat.PROMETHEUS, false));
        config.routes.post("/api/v1/ingest/prometheus/pull", this::pull);
        config.routes.post("/api/v1/ingest/otlp/v1/traces", ctx -> ingest(ctx, TelemetryFormat.OTLP_TRACES, true));
        config.routes.post("/api/v1/ingest/otlp/v1/logs", ctx -> ingest(ctx, TelemetryFormat.OTLP_LOGS, true));
        config.routes.post("/api/v1/ingest/jaeger", ctx -> ingest(ctx, TelemetryFormat.JAEGER, false));
        config.routes.post("/api/v1/ingest/loki", ctx -> ingest(ctx, TelemetryFormat.LOKI, false));
    }

    private void ingest(Context ctx, TelemetryFormat format, boolean otlp) {
        String type = ctx.contentType();
        if (type != null && type.contains("protobuf")) {
            throw new Problem(415, "Unsupported media type",
                    "only the JSON encoding is accepted; configure the exporter with encoding json (application/json)");
        }
        var input = new IngestInput("request" + format.suffix(), ctx.bodyAsBytes(), Instant.now());
        respond(ctx, List.of(input), window(ctx.queryParam("start"), ctx.queryParam("end")), otlp ? format : null);
    }

    private void pull(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw Problem.badRequest("body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.path("url").isTextual() || !body.path("queries").isObject()) {
            throw Problem.badRequest("body needs url (text) and queries (object of name: PromQL)");
        }
        Map<String, String> queries = new LinkedHashMap<>();
        body.path("queries").properties().forEach(e -> queries.put(e.getKey(), e.getValue().asText()));
        AnalysisWindow w = window(body.path("start").asText(null), body.path("end").asText(null));
        Instant end = w.end() != null ? w.end() : Instant.now();
        Instant start = w.start() != null ? w.start() : end.minus(Duration.ofHours(1));
        Duration lookback = Duration.between(start, end);
        Duration step = body.has("step") ? Duration.ofSeconds(body.path("step").asLong(15)) : null;
        try {
            var pull = new PrometheusPull(new PrometheusPull.Config(URI.create(body.path("url").asText()), queries, step, null));
            // pull a baseline as long as the window before it, so the window is scored against recent history
            List<IngestInput> inputs = pull.pull(start.minus(lookback), end);
            respond(ctx, inputs, new AnalysisWindow(start, end), null);
        } catch (MalformedInputException e) {
            throw new Problem(502, "Bad gateway", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
    }

    private void respond(Context ctx, List<IngestInput> inputs, AnalysisWindow window, TelemetryFormat otlp) {
        var writer = new GraphWriter();
        TelemetryReport report;
        try {
            report = analyzer.analyze(new TelemetryRequest(inputs, List.of(), window), TelemetryEntities.Graph.of(store), writer);
        } catch (MalformedInputException e) {
            throw new Problem(400, "Malformed input", e.getMessage(), Map.of("source", e.source(), "location", e.location()));
        }
        store.write(writer.batch());
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
