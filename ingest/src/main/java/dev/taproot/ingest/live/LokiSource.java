package dev.taproot.ingest.live;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;
import dev.taproot.ingest.logs.LogSet;
import dev.taproot.ingest.logs.LokiParser;

/**
 * Reads the error lines of services from Grafana Loki: one
 * {@code GET /loki/api/v1/query_range?query={<serviceLabel>=~"a|b"} |~ "<lineFilter>"&start=&end=&limit=&direction=backward}
 * (epoch nanoseconds) over every service at once, parsed by the same {@link LokiParser} a recorded
 * {@code .loki.json} file goes through.
 *
 * @see Options
 */
public final class LokiSource implements TelemetrySource {

    /**
     * What to ask.
     *
     * @param serviceLabel the stream label holding the service name ({@link #DEFAULT_SERVICE_LABEL})
     * @param lineFilter   an RE2 regular expression a line must match ({@link #DEFAULT_LINE_FILTER}); empty for every line
     * @param limit        the most lines returned ({@link #DEFAULT_LIMIT})
     */
    public record Options(String serviceLabel, String lineFilter, int limit) {

        /** Loki 3 adds {@code service_name} to every stream. */
        public static final String DEFAULT_SERVICE_LABEL = "service_name";
        /** Lines that say something failed, in any case. */
        public static final String DEFAULT_LINE_FILTER = "(?i)(error|exception|fatal|panic|fail)";
        /** Lines returned at most (Loki's own default cap is 5000). */
        public static final int DEFAULT_LIMIT = 2000;
        public static final Options DEFAULTS = new Options(null, null, 0);

        public Options {
            serviceLabel = serviceLabel == null || serviceLabel.isBlank() ? DEFAULT_SERVICE_LABEL : serviceLabel;
            lineFilter = lineFilter == null ? DEFAULT_LINE_FILTER : lineFilter;
            limit = limit <= 0 ? DEFAULT_LIMIT : limit;
            if (!serviceLabel.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new IllegalArgumentException("serviceLabel '" + serviceLabel + "' is not a Loki label name");
            }
        }
    }

    private final BoundedHttp http;
    private final Options options;
    private final LokiParser parser = new LokiParser();

    public LokiSource(LiveEndpoint endpoint, Options options) {
        this.http = new BoundedHttp(endpoint);
        this.options = options == null ? Options.DEFAULTS : options;
    }

    @Override
    public LiveEndpoint endpoint() {
        return http.endpoint();
    }

    /** The LogQL query for these services. */
    public String query(List<String> services) {
        String names = services.stream().map(LokiSource::regexLiteral).collect(Collectors.joining("|"));
        String selector = "{" + options.serviceLabel() + "=~" + logqlString(names) + "}";
        return options.lineFilter().isEmpty() ? selector : selector + " |~ " + logqlString(options.lineFilter());
    }

    @Override
    public LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException {
        if (services.isEmpty()) {
            return new LiveTelemetry(List.of(), List.of(), List.of(), "no service to ask for", List.of());
        }
        URI uri = URI.create(http.endpoint().base("/loki/api/v1/query_range") + "?query="
                + BoundedHttp.param(query(services)) + "&start=" + nanos(from) + "&end=" + nanos(to)
                + "&limit=" + options.limit() + "&direction=backward");
        byte[] body = http.get(uri, http.deadlineFromNow());
        LogSet set;
        try {
            set = parser.parse(new IngestInput(endpoint().name() + ".loki.json", body, to));
        } catch (MalformedInputException e) {
            throw new LiveSourceException(endpoint().label() + ": the answer from " + BoundedHttp.shown(uri)
                    + " is not a Loki query_range stream response: " + e.getMessage(), e);
        }
        var notes = new java.util.ArrayList<String>();
        if (set.records().size() >= options.limit()) {
            notes.add(endpoint().label() + ": the " + options.limit() + "-line limit was reached; older lines of the range were not read");
        }
        if (!set.rejected().isEmpty()) {
            notes.add(set.rejected().size() + " line(s) refused, e.g. " + set.rejected().getFirst());
        }
        return new LiveTelemetry(List.of(), List.of(), set.records(), set.records().size() + " log lines", notes);
    }

    private static long nanos(Instant t) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, t);
    }

    /** {@code value} matched literally by an RE2 expression. */
    static String regexLiteral(String value) {
        return value.replaceAll("([\\\\.+*?()|\\[\\]{}^$])", "\\\\$1");
    }

    /** A double-quoted LogQL string. */
    static String logqlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
