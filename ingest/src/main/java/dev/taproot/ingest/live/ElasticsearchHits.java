package dev.taproot.ingest.live;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.logs.LogLevels;
import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.JsonInputs;

/**
 * Reads an Elasticsearch / OpenSearch {@code _search} response ({@code hits.hits[]._source}) into log
 * records: the service under {@code service.name}, the pod (ECS {@code kubernetes.pod.name}) under
 * {@code k8s.pod.name}, the level normalised. A field is found as a dotted key or as nested objects.
 * A hit without time, service or message is refused and counted; shard failures and a timed-out
 * search are noted.
 */
final class ElasticsearchHits {

    private final ElasticsearchSource.Options options;
    private final LiveEndpoint endpoint;
    private final URI uri;

    ElasticsearchHits(ElasticsearchSource.Options options, LiveEndpoint endpoint, URI uri) {
        this.options = options;
        this.endpoint = endpoint;
        this.uri = uri;
    }

    LiveTelemetry read(byte[] body) throws LiveSourceException {
        JsonNode root;
        try {
            root = JsonInputs.mapper().readTree(body);
        } catch (IOException e) {
            throw new LiveSourceException(endpoint.label() + ": the answer from " + BoundedHttp.shown(uri) + " is not JSON", e);
        }
        if (root == null || !root.path("hits").path("hits").isArray()) {
            throw new LiveSourceException(endpoint.label() + ": the answer from " + BoundedHttp.shown(uri)
                    + " has no hits.hits list: not a _search response");
        }
        var notes = new ArrayList<String>();
        if (root.path("timed_out").asBoolean(false)) {
            notes.add(endpoint.label() + ": the search timed out on the server; the hits are partial");
        }
        int failedShards = root.path("_shards").path("failed").asInt(0);
        if (failedShards > 0) {
            notes.add(endpoint.label() + ": " + failedShards + " shard(s) failed; the hits are partial");
        }
        var records = new ArrayList<LogRecord>();
        int refused = 0;
        for (JsonNode hit : root.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            String service = field(source, options.serviceField());
            String message = field(source, options.messageField());
            long time = time(field(source, options.timeField()));
            if (service == null || message == null || time == Long.MIN_VALUE) {
                refused++;
                continue;
            }
            var labels = new LinkedHashMap<String, String>();
            labels.put("service.name", service);
            String pod = field(source, "kubernetes.pod.name");
            if (pod != null) {
                labels.put("k8s.pod.name", pod);
            }
            String level = LogLevels.normalise(field(source, options.levelField()));
            records.add(new LogRecord(time, labels, level == null ? LogLevels.inText(message) : level, message));
        }
        if (refused > 0) {
            notes.add(refused + " hit(s) refused: no " + options.timeField() + ", " + options.serviceField() + " or "
                    + options.messageField());
        }
        if (records.size() >= options.size()) {
            notes.add(endpoint.label() + ": the " + options.size() + "-hit size was reached; older lines of the range were not read");
        }
        return new LiveTelemetry(List.of(), List.of(), records, records.size() + " log lines", notes);
    }

    /** A field as a dotted key ({@code "log.level": ...}) or nested ({@code "log": {"level": ...}}), as text. */
    static String field(JsonNode source, String path) {
        JsonNode flat = source.get(path);
        if (flat != null && flat.isValueNode() && !flat.isNull()) {
            return flat.asText();
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            JsonNode head = source.get(path.substring(0, dot));
            if (head != null && head.isObject()) {
                String rest = field(head, path.substring(dot + 1));
                if (rest != null) {
                    return rest;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }

    private static long time(String text) {
        if (text == null) {
            return Long.MIN_VALUE;
        }
        try {
            return text.matches("\\d{10,16}") ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return Long.MIN_VALUE;
            }
        }
    }
}
