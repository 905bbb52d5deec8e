package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.PrometheusPulls;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.metrics.PrometheusSource;

/**
 * Finding (high): {@code /ingest/prometheus/pull} fetched any host, port and path, echoed error
 * bodies, let a body run past the timeout, buffered a 2.5 GB answer and let slow pulls take every
 * server thread. The peer here is a hostile HTTP server, not Prometheus: it trickles, floods, hangs
 * and leaks. Only configured sources are pulled, with a deadline, a size cap and a pool of its own.
 */
class PrometheusPullOnlyReachesConfiguredSourcesTest {

    @TempDir
    static Path dir;
    static HttpServer hostile;
    static TaprootServer server;
    static final AtomicInteger connections = new AtomicInteger();
    static final CountDownLatch release = new CountDownLatch(1);
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        hostile.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        hostile.createContext("/", exchange -> {
            connections.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            try (OutputStream out = exchange.getResponseBody()) {
                if (path.startsWith("/flood")) {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = new byte[1 << 20];
                    for (int i = 0; i < 2_500; i++) {
                        out.write(chunk);
                    }
                } else if (path.startsWith("/trickle")) {
                    exchange.sendResponseHeaders(200, 0);
                    for (int i = 0; i < 600; i++) {
                        out.write('{');
                        out.flush();
                        Thread.sleep(250);
                    }
                } else if (path.startsWith("/hang")) {
                    release.await();
                    exchange.sendResponseHeaders(200, -1);
                } else if (path.startsWith("/leak")) {
                    byte[] secret = "<html>internal admin page SECRET-42</html>".getBytes();
                    exchange.sendResponseHeaders(500, secret.length);
                    out.write(secret);
                } else {
                    byte[] err = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 3\"}".getBytes();
                    exchange.sendResponseHeaders(400, err.length);
                    out.write(err);
                }
            } catch (Exception e) {
                // the client went away: expected for flood and trickle
            }
        });
        hostile.start();
        String base = "http://127.0.0.1:" + hostile.getAddress().getPort();
        Duration deadline = Duration.ofSeconds(2);
        var sources = List.of(
                new PrometheusSource("flood", URI.create(base + "/flood"), null, deadline, 1 << 20, Map.of("q", "up")),
                new PrometheusSource("trickle", URI.create(base + "/trickle"), null, deadline, 0, Map.of("q", "up")),
                new PrometheusSource("hang", URI.create(base + "/hang"), null, Duration.ofSeconds(20), 0, Map.of("q", "up")),
                new PrometheusSource("leak", URI.create(base + "/leak"), null, deadline, 0, Map.of("q", "up")),
                new PrometheusSource("badquery", URI.create(base + "/bad"), null, deadline, 0, Map.of("q", "up")));
        Taproot taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, SecurityConfig.openLoopback()).withPrometheus(sources));
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.close();
        hostile.stop(0);
    }

    static HttpResponse<String> pull(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/ingest/prometheus/pull"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCallerCannotNameAUrlOrAnUnconfiguredSource() throws Exception {
        int before = connections.get();
        var byUrl = pull("{\"url\":\"http://127.0.0.1:" + hostile.getAddress().getPort() + "/anything\",\"queries\":{\"a\":\"up\"}}");
        assertThat(byUrl.statusCode()).isEqualTo(400);
        assertThat(byUrl.body()).contains("configured sources").contains("flood");
        var unknown = pull("{\"source\":\"elsewhere\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(connections.get()).isEqualTo(before);
    }

    @Test
    void aHugeAnswerIsAbandonedAtTheSizeCap() throws Exception {
        var r = pull("{\"source\":\"flood\"}");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("larger than 1048576 bytes");
    }

    @Test
    void aTricklingBodyIsCutAtTheDeadline() throws Exception {
        long t0 = System.nanoTime();
        var r = pull("{\"source\":\"trickle\"}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isIn(502, 504);
        assertThat(r.body()).contains("deadline");
        assertThat(ms).isLessThan(10_000);
    }

    @Test
    void errorBodiesAreNotEchoedButPrometheusErrorsAreNamed() throws Exception {
        var leak = pull("{\"source\":\"leak\"}");
        assertThat(leak.statusCode()).isEqualTo(502);
        assertThat(leak.body()).contains("HTTP 500").doesNotContain("SECRET-42", "html");
        var bad = pull("{\"source\":\"badquery\"}");
        assertThat(bad.body()).contains("bad_data: parse error at char 3");
    }

    @Test
    void slowPullsAreBoundedAndNeverTakeTheRequestThreads() throws Exception {
        int extra = 6;
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        var futures = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
        for (int i = 0; i < PrometheusPulls.DEFAULT_THREADS + PrometheusPulls.DEFAULT_QUEUE + extra; i++) {
            futures.add(pool.submit(() -> pull("{\"source\":\"hang\"}")));
        }
        Thread.sleep(1_500);
        long t0 = System.nanoTime();
        var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        int refused = 0;
        release.countDown();
        for (var f : futures) {
            var r = f.get();
            if (r.statusCode() == 503) {
                refused++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(extra);
        pool.shutdown();
    }
}
