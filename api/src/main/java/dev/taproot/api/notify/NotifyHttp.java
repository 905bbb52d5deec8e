package dev.taproot.api.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.web.Json;

/**
 * Sends one JSON request to a destination with a timeout, retrying a limited number of times when the
 * connection fails, times out, or the receiver answers 429 or 5xx (after its {@code Retry-After}, at
 * most {@link #MAX_BACKOFF}, else a doubling pause). Other answers are not retried.
 */
final class NotifyHttp {

    /** The longest pause between attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The most of a response body kept (for Slack's and Mattermost's ids and errors). */
    static final int MAX_RESPONSE_CHARS = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;

    NotifyHttp(Duration timeout, int retries, Duration backoff) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
    }

    /** A failed send: what happened, never a secret. */
    static final class SendException extends Exception {
        SendException(String message) {
            super(message);
        }
    }

    /** Sends {@code body} as JSON with {@code method}; returns the response body parsed (an empty object when not JSON). */
    JsonNode send(String method, URI url, String bearer, Map<String, Object> body) throws SendException {
        String json;
        try {
            json = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String last = "not sent";
        for (int attempt = 0; attempt <= retries; attempt++) {
            Duration pause = null;
            try {
                var request = HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
                if (bearer != null) {
                    request.header("Authorization", "Bearer " + bearer);
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return parse(response.body());
                }
                last = url.getHost() + " answered " + status;
                if (status != 429 && status / 100 != 5) {
                    throw new SendException(last);
                }
                pause = retryAfter(response).orElse(null);
            } catch (IOException e) {
                last = url.getHost() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendException("interrupted");
            }
            if (attempt < retries) {
                sleep(pause != null ? pause : backoff.multipliedBy(1L << Math.min(attempt, 10)));
            }
        }
        throw new SendException(last + " (after " + (retries + 1) + (retries == 0 ? " attempt)" : " attempts)"));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode n = Json.mapper().readTree(body.length() > MAX_RESPONSE_CHARS ? "{}" : body);
            return n == null ? Json.mapper().createObjectNode() : n;
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long seconds = Long.parseLong(v.strip());
                return Optional.of(Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_BACKOFF.toSeconds()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration d) throws SendException {
        try {
            Thread.sleep(d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted");
        }
    }
}
