package dev.taproot.ingest.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback port answering with recorded API responses from
 * {@code src/test/resources/live/<backend>/}: a route maps a path prefix to the resource served (or a
 * status and body), and every request is kept for assertions. Knobs for the failure tests: a delay
 * before answering, a required {@code Authorization} header.
 */
public final class RecordedBackend implements AutoCloseable {

    /** What one request gets. */
    public record Answer(int status, byte[] body) {
        public static Answer of(String resource) {
            return new Answer(200, RecordedBackend.resource(resource));
        }
    }

    /** One request seen: method, path and query (decoded), Authorization header, body. */
    public record Seen(String method, URI uri, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, Function<HttpExchange, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;
    private volatile String requiredAuthorization;

    public RecordedBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "recorded-backend");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests whose path starts with {@code prefix} (the longest prefix wins). */
    public RecordedBackend route(String prefix, Function<HttpExchange, Answer> answer) {
        routes.put(prefix, answer);
        return this;
    }

    public RecordedBackend serve(String prefix, String resource) {
        return route(prefix, x -> Answer.of(resource));
    }

    public RecordedBackend delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public RecordedBackend requireAuthorization(String header) {
        this.requiredAuthorization = header;
        return this;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI(), auth,
                    new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer;
            if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
                answer = new Answer(401, "{\"message\":\"Unauthorized\"}".getBytes());
            } else {
                String path = exchange.getRequestURI().getPath();
                answer = routes.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                        .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                        .map(e -> e.getValue().apply(exchange))
                        .orElse(new Answer(404, "404 page not found".getBytes()));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (IOException e) {
            // the client gave up (deadline tests): nothing to answer
        }
    }

    /** A recorded response from {@code src/test/resources/live/}. */
    public static byte[] resource(String name) {
        try (InputStream in = RecordedBackend.class.getResourceAsStream("/live/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response live/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
