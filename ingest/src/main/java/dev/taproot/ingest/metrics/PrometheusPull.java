package dev.taproot.ingest.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.MalformedInputException;

/**
 * Pulls metrics from one configured {@link PrometheusSource}: runs each named PromQL query through
 * {@code GET <url>/api/v1/query_range} and returns the answers as inputs named
 * {@code <query name>.prom.json}. It never follows redirects, reads at most the source's
 * {@code maxBytes} of any answer (a larger one is abandoned mid-stream, never buffered), and stops
 * when the source's deadline for the whole pull passes, headers and bodies included. An error names
 * the source and query; of the server's answer only Prometheus's own {@code errorType} and
 * {@code error} fields are repeated, never an arbitrary body.
 */
public final class PrometheusPull {

    /** Prometheus refuses more than 11,000 points per series; so does Taproot, before asking. */
    public static final long MAX_POINTS = 11_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusSource source;
    private final HttpClient client;

    public PrometheusPull(PrometheusSource source) {
        this.source = source;
        this.client = HttpClient.newBuilder().connectTimeout(source.deadline())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Runs every query over [start, end] at {@code step} and returns one input per query.
     *
     * @throws MalformedInputException naming the source and query when one fails, is too large or late
     * @throws IllegalArgumentException when the window holds more points than Prometheus answers
     */
    public List<IngestInput> pull(Map<String, String> queries, Instant start, Instant end, Duration step)
            throws MalformedInputException {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        long points = Duration.between(start, end).toSeconds() / Math.max(1, step.toSeconds());
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("the window holds " + points + " points at step " + step.toSeconds()
                    + " s; Prometheus answers at most " + MAX_POINTS + ": raise step or shorten the window");
        }
        long deadline = System.nanoTime() + source.deadline().toNanos();
        var inputs = new ArrayList<IngestInput>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            String name = q.getKey() + ".prom.json";
            URI uri = URI.create(source.url().toString().replaceAll("/+$", "") + "/api/v1/query_range?query="
                    + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8) + "&start=" + start.getEpochSecond()
                    + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds() + "s");
            byte[] body = fetch(name, q.getKey(), uri, deadline);
            inputs.add(new IngestInput(name, body, end));
        }
        return inputs;
    }

    /**
     * Whether a query is a plain series selector ({@code name}, {@code name{label="v"}} or {@code {label="v"}}):
     * such a query can be answered with the stored samples themselves, at their scrape times, instead of
     * values resampled at a step.
     */
    public static boolean isSelector(String promql) {
        return promql != null && SELECTOR.matcher(promql).matches() && !promql.isBlank();
    }

    private static final java.util.regex.Pattern SELECTOR = java.util.regex.Pattern.compile(
            "\\s*(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(?:\\{(?:[^{}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})?\\s*");

    /**
     * Runs every selector ({@link #isSelector}) as a range vector at {@code end} ({@code GET <url>/api/v1/query},
     * {@code <selector>[<range>]}) and returns one input per query: the raw samples in [start, end], at the
     * times they were scraped, in the same matrix shape as {@code query_range}.
     *
     * @throws MalformedInputException naming the source and query when one fails, is too large or late
     * @throws IllegalArgumentException when a query is not a plain selector or the range is empty
     */
    public List<IngestInput> pullRaw(Map<String, String> selectors, Instant start, Instant end) throws MalformedInputException {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        // a range vector covers (end - range, end]: one more millisecond keeps a sample at the start itself
        long rangeMillis = Duration.between(start, end).toMillis() + 1;
        long deadline = System.nanoTime() + source.deadline().toNanos();
        var inputs = new ArrayList<IngestInput>();
        for (Map.Entry<String, String> q : selectors.entrySet()) {
            if (!isSelector(q.getValue())) {
                throw new IllegalArgumentException("query '" + q.getKey() + "' is not a plain series selector");
            }
            String name = q.getKey() + ".prom.json";
            String at = end.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%03d", end.getNano() / 1_000_000);
            URI uri = URI.create(source.url().toString().replaceAll("/+$", "") + "/api/v1/query?query="
                    + URLEncoder.encode(q.getValue().strip() + "[" + rangeMillis + "ms]", StandardCharsets.UTF_8) + "&time=" + at);
            byte[] body = fetch(name, q.getKey(), uri, deadline);
            inputs.add(new IngestInput(name, body, end));
        }
        return inputs;
    }

    private byte[] fetch(String name, String query, URI uri, long deadline) throws MalformedInputException {
        String where = "source '" + source.name() + "', query '" + query + "'";
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw late(name, where);
        }
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET();
        String auth = source.auth().header();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw late(name, where);
        } catch (IOException e) {
            throw new MalformedInputException(name, where, "cannot reach Prometheus at " + source.url() + ": "
                    + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw late(name, where);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = readCapped(in, name, where, deadline);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || System.nanoTime() > deadline) {
                throw late(name, where);
            }
            throw new MalformedInputException(name, where, "the answer broke off: "
                    + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        if (response.statusCode() != 200) {
            throw new MalformedInputException(name, where, "Prometheus answered HTTP " + response.statusCode()
                    + prometheusError(body));
        }
        return body;
    }

    private byte[] readCapped(InputStream in, String name, String where, long deadline)
            throws IOException, MalformedInputException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + (long) n > source.maxBytes()) {
                throw new MalformedInputException(name, where, "the answer is larger than " + source.maxBytes()
                        + " bytes (the source's maxBytes); narrow the query or raise maxBytes");
            }
            out.write(buf, 0, n);
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                throw late(name, where);
            }
        }
        return out.toByteArray();
    }

    private MalformedInputException late(String name, String where) {
        return new MalformedInputException(name, where, "Prometheus did not answer within the source's deadline of "
                + source.deadline().toMillis() + " ms");
    }

    /** Prometheus's own error fields, or nothing: an arbitrary body is never repeated. */
    private static String prometheusError(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && "error".equals(n.path("status").asText())) {
                String error = n.path("error").asText("");
                return " (" + n.path("errorType").asText("error") + ": "
                        + (error.length() > 200 ? error.substring(0, 200) + "…" : error) + ")";
            }
        } catch (IOException | RuntimeException e) {
            // not Prometheus's JSON: say nothing of it
        }
        return "";
    }
}
