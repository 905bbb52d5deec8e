package dev.taproot.ingest.live;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.traces.JaegerParser;

/**
 * Reads traces from the Jaeger query service's HTTP API: for each service,
 * {@code GET /api/traces?service=S&start=&end=&limit=} (times in epoch microseconds), parsed by the
 * same {@link JaegerParser} a recorded {@code .jaeger.json} file goes through. A trace reached through
 * two services counts once. A service the backend refuses is noted and the others go on; a refused
 * login, a late or oversize answer ends the fetch.
 */
public final class JaegerSource implements TelemetrySource {

    /** Traces asked per service by default. */
    public static final int DEFAULT_LIMIT = 100;

    private final BoundedHttp http;
    private final int limit;
    private final JaegerParser parser = new JaegerParser();

    /** @param limit traces asked per service (Jaeger's {@code limit}), 0 for {@link #DEFAULT_LIMIT} */
    public JaegerSource(LiveEndpoint endpoint, int limit) {
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
            URI uri = URI.create(http.endpoint().base("/api/traces") + "?service=" + BoundedHttp.param(service)
                    + "&start=" + micros(from) + "&end=" + micros(to) + "&limit=" + limit);
            byte[] body = http.get(uri, deadline);
            try {
                spans.add(parser.parse(new IngestInput(endpoint().name() + "-" + service + ".jaeger.json", body, to)));
            } catch (MalformedInputException e) {
                throw new LiveSourceException(endpoint().label() + ": the answer from " + BoundedHttp.shown(uri)
                        + " is not Jaeger query API JSON: " + e.getMessage(), e);
            }
        });
        return spans.done();
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
