package dev.taproot.api.chatops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.taproot.api.web.Json;

/**
 * Posts JSON messages to chat systems: Slack {@code response_url}s (only to the allowed prefixes, so a
 * forged URL cannot make Taproot call elsewhere) and the configured incoming webhook.
 */
public final class ResponsePoster {

    private static final Logger LOG = LoggerFactory.getLogger(ResponsePoster.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> allowedPrefixes;

    public ResponsePoster(List<String> allowedPrefixes) {
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    /** Whether a response URL may be posted to. */
    public boolean allowed(String url) {
        return url != null && allowedPrefixes.stream().anyMatch(url::startsWith);
    }

    /** Posts to a response URL from a chat request; refused (logged) unless it has an allowed prefix. */
    public boolean postToResponseUrl(String url, Map<String, Object> message) {
        if (!allowed(url)) {
            LOG.warn("response_url refused (not under {}): {}", allowedPrefixes, url == null ? "none" : URI.create(url).getHost());
            return false;
        }
        return post(url, message);
    }

    /** Posts to a URL the operator configured. Returns whether the receiver answered 2xx. */
    public boolean post(String url, Map<String, Object> message) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(message))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("chat post to {} answered {}", URI.create(url).getHost(), response.statusCode());
                return false;
            }
            return true;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warn("chat post to {} failed: {}", url == null ? "?" : URI.create(url).getHost(), dev.taproot.graph.store.ErrorMessages.describe(e));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
