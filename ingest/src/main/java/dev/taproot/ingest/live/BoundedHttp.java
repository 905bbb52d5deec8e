package dev.taproot.ingest.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.taproot.graph.store.ErrorMessages;

/**
 * HTTP for one {@link LiveEndpoint}, bounded in time and size: every request of a fetch shares one
 * deadline that covers headers and bodies, a body larger than the endpoint's {@code maxBytes} is
 * abandoned mid-stream, redirects are never followed. Failures become {@link LiveSourceException}s
 * naming the source, the URL and the status, with at most {@link #EXCERPT} characters of the body.
 */
public final class BoundedHttp {

    /** Characters of a remote error body repeated in a message. */
    public static final int EXCERPT = 160;

    private final LiveEndpoint endpoint;
    private HttpClient client;

    /** Holds no connection until the first request: a configuration that is only checked opens nothing. */
    public BoundedHttp(LiveEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(endpoint.deadline())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    public LiveEndpoint endpoint() {
        return endpoint;
    }

    /** The {@link System#nanoTime()} by which a fetch that starts now must end. */
    public long deadlineFromNow() {
        return System.nanoTime() + endpoint.deadline().toNanos();
    }

    /** GETs {@code uri} and returns the body of a 200 answer. */
    public byte[] get(URI uri, long deadline) throws LiveSourceException {
        return send(HttpRequest.newBuilder(uri).GET(), uri, deadline);
    }

    /** POSTs a JSON body to {@code uri} and returns the body of a 200 answer. */
    public byte[] postJson(URI uri, String json, long deadline) throws LiveSourceException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), uri, deadline);
    }

    private byte[] send(HttpRequest.Builder request, URI uri, long deadline) throws LiveSourceException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw late(uri);
        }
        request.timeout(Duration.ofNanos(left)).header("Accept", "application/json");
        String auth = endpoint.auth().header();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<InputStream> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw late(uri);
        } catch (IOException e) {
            throw new LiveSourceException(endpoint.label() + ": cannot reach " + shown(uri) + ": " + ErrorMessages.describe(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw late(uri);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = readCapped(in, uri, deadline, response.statusCode() == 200 ? endpoint.maxBytes() : 4096);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted() || System.nanoTime() > deadline) {
                throw late(uri);
            }
            throw new LiveSourceException(endpoint.label() + ": the answer from " + shown(uri) + " broke off: "
                    + ErrorMessages.describe(e), e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new LiveSourceException(endpoint.label() + ": " + shown(uri) + " answered HTTP " + status
                    + (endpoint.auth().header() == null ? " (no credentials are configured: set auth)" : " (the configured credentials were refused)")
                    + excerpt(body), true, null);
        }
        if (status != 200) {
            throw new LiveSourceException(endpoint.label() + ": " + shown(uri) + " answered HTTP " + status + excerpt(body));
        }
        return body;
    }

    private byte[] readCapped(InputStream in, URI uri, long deadline, long cap) throws IOException, LiveSourceException {
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (out.size() + (long) n > cap) {
                if (cap < endpoint.maxBytes()) {
                    out.write(buf, 0, (int) Math.max(0, cap - out.size()));
                    return out.toByteArray();
                }
                throw new LiveSourceException(endpoint.label() + ": the answer from " + shown(uri) + " is larger than "
                        + endpoint.maxBytes() + " bytes (the source's maxBytes); narrow the window or raise maxBytes", true, null);
            }
            out.write(buf, 0, n);
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                throw late(uri);
            }
        }
        return out.toByteArray();
    }

    private LiveSourceException late(URI uri) {
        return new LiveSourceException(endpoint.label() + ": " + shown(uri) + " did not answer within the source's deadline of "
                + endpoint.deadline().toMillis() + " ms", true, null);
    }

    /** A query parameter value, percent-encoded (spaces as {@code %20}, which every server reads alike). */
    public static String param(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL as shown in messages: no user information, the query cut short. */
    static String shown(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (query.length() > 200) {
            query = query.substring(0, 200) + "…";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path + query;
    }

    /** A short single-line excerpt of a remote body, or nothing. */
    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
