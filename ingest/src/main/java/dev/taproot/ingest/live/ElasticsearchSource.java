package dev.taproot.ingest.live;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.taproot.ingest.JsonInputs;

/**
 * Reads the error lines of services from Elasticsearch or OpenSearch: one
 * {@code POST /<index>/_search} with a bool filter (service field in the services, level field in
 * the error levels, time field in the range), newest first, read by {@link ElasticsearchHits}.
 * Field names default to the Elastic Common Schema ({@code service.name}, {@code log.level},
 * {@code @timestamp}, {@code message}); both dotted keys and nested objects are read.
 */
public final class ElasticsearchSource implements TelemetrySource {

    /**
     * Where the logs are and how they are shaped.
     *
     * @param index        index name or pattern ({@link #DEFAULT_INDEX})
     * @param serviceField the field holding the service name (a keyword field)
     * @param levelField   the field holding the level (a keyword field)
     * @param timeField    the time field
     * @param messageField the field holding the line
     * @param errorLevels  level values taken as errors
     * @param size         the most hits returned (Elasticsearch refuses more than 10,000 by default)
     */
    public record Options(String index, String serviceField, String levelField, String timeField, String messageField,
                          List<String> errorLevels, int size) {

        public static final String DEFAULT_INDEX = "logs-*";
        public static final String DEFAULT_SERVICE_FIELD = "service.name";
        public static final String DEFAULT_LEVEL_FIELD = "log.level";
        public static final String DEFAULT_TIME_FIELD = "@timestamp";
        public static final String DEFAULT_MESSAGE_FIELD = "message";
        public static final List<String> DEFAULT_ERROR_LEVELS = List.of("error", "ERROR", "Error", "fatal", "FATAL",
                "critical", "CRITICAL", "panic", "PANIC");
        public static final int DEFAULT_SIZE = 2000;
        public static final int MAX_SIZE = 10_000;
        public static final Options DEFAULTS = new Options(null, null, null, null, null, null, 0);

        public Options {
            index = blank(index) ? DEFAULT_INDEX : index;
            serviceField = blank(serviceField) ? DEFAULT_SERVICE_FIELD : serviceField;
            levelField = blank(levelField) ? DEFAULT_LEVEL_FIELD : levelField;
            timeField = blank(timeField) ? DEFAULT_TIME_FIELD : timeField;
            messageField = blank(messageField) ? DEFAULT_MESSAGE_FIELD : messageField;
            errorLevels = errorLevels == null || errorLevels.isEmpty() ? DEFAULT_ERROR_LEVELS : List.copyOf(errorLevels);
            size = size <= 0 ? DEFAULT_SIZE : size;
            if (size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be at most " + MAX_SIZE + ", was " + size);
            }
            if (index.contains("/") || index.contains("?") || index.contains("#") || index.contains(" ")) {
                throw new IllegalArgumentException("index '" + index + "' may not hold '/', '?', '#' or spaces");
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    private final BoundedHttp http;
    private final Options options;

    public ElasticsearchSource(LiveEndpoint endpoint, Options options) {
        this.http = new BoundedHttp(endpoint);
        this.options = options == null ? Options.DEFAULTS : options;
    }

    @Override
    public LiveEndpoint endpoint() {
        return http.endpoint();
    }

    /** The {@code _search} body for these services and range. */
    public String query(List<String> services, Instant from, Instant to) {
        var json = JsonInputs.mapper();
        ObjectNode body = json.createObjectNode();
        body.put("size", options.size());
        body.put("track_total_hits", false);
        body.putArray("sort").addObject().putObject(options.timeField()).put("order", "desc");
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        ArrayNode names = filter.addObject().putObject("terms").putArray(options.serviceField());
        services.forEach(names::add);
        ArrayNode levels = filter.addObject().putObject("terms").putArray(options.levelField());
        options.errorLevels().forEach(levels::add);
        filter.addObject().putObject("range").putObject(options.timeField())
                .put("gte", from.toString()).put("lte", to.toString()).put("format", "strict_date_optional_time");
        ArrayNode source = body.putArray("_source");
        List.of(options.timeField(), options.serviceField(), options.levelField(), options.messageField(),
                "kubernetes.pod.name", "kubernetes.namespace").forEach(source::add);
        return body.toString();
    }

    @Override
    public LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException {
        if (services.isEmpty()) {
            return new LiveTelemetry(List.of(), List.of(), List.of(), "no service to ask for", List.of());
        }
        URI uri = URI.create(http.endpoint().base("/" + URLEncoder.encode(options.index(), StandardCharsets.UTF_8)
                .replace("%2A", "*").replace("%2C", ",") + "/_search") + "?ignore_unavailable=true&allow_no_indices=true");
        byte[] body = http.postJson(uri, query(services, from, to), http.deadlineFromNow());
        return new ElasticsearchHits(options, endpoint(), uri).read(body);
    }
}
