package dev.taproot.ingest.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;

/**
 * Pulls metrics live from a Prometheus server: runs each configured PromQL query through
 * {@code GET <url>/api/v1/query_range?query=&start=&end=&step=} and returns the responses as inputs
 * named {@code <query name>.prom.json}, ready for the telemetry analyzer. A query that fails (HTTP
 * status, network) is reported by name with the server's answer.
 */
public final class PrometheusPull {

    /**
     * What to pull.
     *
     * @param url     the Prometheus base URL, for example {@code http://prometheus:9090}
     * @param queries query name to PromQL, for example {@code cpu -> sum by (pod) (rate(container_cpu_usage_seconds_total[1m]))}
     * @param step    the resolution
     * @param timeout per request
     */
    public record Config(URI url, Map<String, String> queries, Duration step, Duration timeout) {

        public static final Duration DEFAULT_STEP = Duration.ofSeconds(15);
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

        public Config {
            if (url == null) {
                throw new IllegalArgumentException("Prometheus url is required");
            }
            if (queries == null || queries.isEmpty()) {
                throw new IllegalArgumentException("at least one PromQL query is required");
            }
            queries = new LinkedHashMap<>(queries);
            step = step == null ? DEFAULT_STEP : step;
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    private final Config config;
    private final HttpClient client;

    public PrometheusPull(Config config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** Runs every query over [start, end] and returns one input per query. */
    public List<IngestInput> pull(Instant start, Instant end) throws MalformedInputException {
        var inputs = new ArrayList<IngestInput>();
        for (Map.Entry<String, String> q : config.queries().entrySet()) {
            String name = q.getKey() + ".prom.json";
            URI uri = URI.create(config.url().toString().replaceAll("/+$", "") + "/api/v1/query_range?query="
                    + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8) + "&start=" + start.getEpochSecond()
                    + "&end=" + end.getEpochSecond() + "&step=" + config.step().toSeconds() + "s");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout()).GET().build();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new MalformedInputException(name, uri.toString(), "cannot reach Prometheus: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MalformedInputException(name, uri.toString(), "interrupted");
            }
            if (response.statusCode() != 200) {
                String body = new String(response.body(), StandardCharsets.UTF_8);
                throw new MalformedInputException(name, "HTTP " + response.statusCode(),
                        "Prometheus refused query '" + q.getKey() + "': " + (body.length() > 300 ? body.substring(0, 300) : body));
            }
            inputs.add(new IngestInput(name, response.body(), end));
        }
        return inputs;
    }
}
