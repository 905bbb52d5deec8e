package dev.taproot.api.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server standing in for Slack's Web API ({@code /slack/chat.postMessage},
 * {@code /slack/chat.update}), Mattermost's REST API ({@code /mm/api/v4/posts}, {@code .../patch}),
 * Mattermost and Teams incoming webhooks and a generic webhook (any other path). It answers as those
 * services do and records every request.
 */
public final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger slackTs = new AtomicInteger();
    private final AtomicInteger mattermostIds = new AtomicInteger();

    /** One request received: method, path, the Authorization header, the body. */
    public record Request(String method, String path, String authorization, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 503, "{\"message\":\"try later\"}");
            return;
        }
        if (path.endsWith("/chat.postMessage")) {
            reply(exchange, 200, "{\"ok\":true,\"channel\":\"C0001\",\"ts\":\"1767225600.00" + slackTs.incrementAndGet() + "\"}");
        } else if (path.endsWith("/chat.update")) {
            reply(exchange, 200, "{\"ok\":true,\"channel\":\"C0001\"}");
        } else if (path.endsWith("/api/v4/posts")) {
            reply(exchange, 201, "{\"id\":\"post" + mattermostIds.incrementAndGet() + "\"}");
        } else if (path.endsWith("/patch")) {
            reply(exchange, 200, "{\"id\":\"patched\"}");
        } else {
            reply(exchange, 200, "1");
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The next {@code n} requests are answered 503. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request so far to a path starting with {@code prefix}. */
    public List<Request> to(String prefix) {
        var out = new ArrayList<Request>();
        requests.stream().filter(r -> r.path().startsWith(prefix)).forEach(out::add);
        return out;
    }

    public List<Request> all() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
