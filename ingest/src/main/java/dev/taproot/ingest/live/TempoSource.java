package dev.taproot.ingest.live;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.JsonInputs;
import dev.taproot.ingest.traces.OtlpTraceParser;

/**
 * Reads traces from Grafana Tempo's HTTP API: for each service,
 * {@code GET /api/search?tags=service.name=S&start=&end=&limit=} (epoch seconds) lists trace ids, then
 * {@code GET /api/traces/<id>} fetches each trace as OTLP JSON ({@code batches}, or
 * {@code resourceSpans}; ids in hex or base64, see {@link TempoTraces}), parsed by the same
 * {@link OtlpTraceParser} pushed OTLP goes through. At most {@code limit} traces are fetched per
 * service, each trace once.
 */
public final class TempoSource implements TelemetrySource {

    /** Traces fetched per service by default. */
    public static final int DEFAULT_LIMIT = 30;

    private final BoundedHttp http;
    private final int limit;
    private final OtlpTraceParser parser = new OtlpTraceParser();

    /** @param limit traces fetched per service, 0 for {@link #DEFAULT_LIMIT} */
    public TempoSource(LiveEndpoint endpoint, int limit) {
        this.http = new BoundedHttp(endpoint);
        this.limit = limit <= 0 ? DEFAULT_LIMIT : limit;
    }

    @Override
    public LiveEndpoint endpoint() {
        return http.endpoint();
    }

    @Override
    public LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException {
        long deadline = http.deadlineFromNow();
        var spans = new SpanCollector();
        PerService.run(services, spans::note, service -> {
            URI search = URI.create(http.endpoint().base("/api/search") + "?tags="
                    + BoundedHttp.param("service.name=" + quoted(service))
                    + "&start=" + from.getEpochSecond() + "&end=" + (to.getEpochSecond() + 1) + "&limit=" + limit);
            for (String id : traceIds(http.get(search, deadline), search)) {
                if (spans.seen(id)) {
                    continue;
                }
                URI trace = URI.create(http.endpoint().base("/api/traces/") + BoundedHttp.param(id)
                        + "?start=" + from.getEpochSecond() + "&end=" + (to.getEpochSecond() + 1));
                byte[] otlp = TempoTraces.asOtlp(http.get(trace, deadline), endpoint(), trace);
                try {
                    spans.add(parser.parse(new IngestInput(endpoint().name() + "-" + id + ".otlp-traces.json", otlp, to)));
                } catch (MalformedInputException e) {
                    throw new LiveSourceException(endpoint().label() + ": the trace from " + BoundedHttp.shown(trace)
                            + " is not OTLP JSON: " + e.getMessage(), e);
                }
            }
        });
        return spans.done();
    }

    private List<String> traceIds(byte[] body, URI uri) throws LiveSourceException {
        JsonNode root;
        try {
            root = JsonInputs.mapper().readTree(body);
        } catch (IOException e) {
            throw new LiveSourceException(endpoint().label() + ": the answer from " + BoundedHttp.shown(uri) + " is not JSON", e);
        }
        if (root == null || !root.path("traces").isArray()) {
            throw new LiveSourceException(endpoint().label() + ": the answer from " + BoundedHttp.shown(uri)
                    + " has no 'traces' list: not a Tempo search response");
        }
        var ids = new ArrayList<String>();
        for (JsonNode t : root.path("traces")) {
            String id = t.path("traceID").asText("");
            if (id.matches("[0-9a-fA-F]{1,32}") && ids.size() < limit) {
                ids.add(TempoTraces.paddedHex(id));
            }
        }
        return ids;
    }

    /** A logfmt value: quoted when it holds anything but name characters. */
    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9_.:/-]+") ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
