package dev.taproot.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.graph.testing.TestStores;

/** {@code analyze} and {@code search} with {@code --server}: the running server's answer, not a second store. */
class RemoteCommandsTest {

    static final String TOKEN = "remote-cli-test-token-000001";
    @TempDir
    static Path dir;
    static TaprootServer server;
    static String url;

    @BeforeAll
    static void start() {
        Taproot taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, SecurityConfig.withToken("cli", Role.READ, TOKEN)));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = TaprootCli.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void analyzeThroughTheServerPrintsTheServersOwnAnswer() throws Exception {
        var cli = run("analyze", "--server", url, "--token", TOKEN, "-s", "checkoutservice",
                "--from", "2026-01-15T09:30:00Z", "--to", "2026-01-15T10:05:00Z");
        assertThat(cli.code()).as(cli.err()).isZero();
        String body = """
                {"symptom": {"entities": ["checkoutservice"]},
                 "window": {"start": "2026-01-15T09:30:00Z", "end": "2026-01-15T10:05:00Z"}}""";
        var rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/analyses?format=text"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        // the same answer, but for how long each analysis took
        assertThat(cli.out().replaceAll("in [0-9.]+ ms", "in N ms")).isEqualTo(rest.body().replaceAll("in [0-9.]+ ms", "in N ms"))
                .contains("paymentservice");
    }

    @Test
    void searchThroughTheServerListsTheSimilarIncidents() {
        var cli = run("search", "payment", "crash", "looping", "--server", url, "--token", TOKEN);
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("INC-").contains("resolution:").contains("similar incidents");
    }

    @Test
    void aWrongTokenOrAnAbsentServerIsAClearError() {
        var denied = run("search", "payment", "--server", url, "--token", "wrong-token-0000000000000");
        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err()).contains(url).contains("401");
        var absent = run("search", "payment", "--server", "http://127.0.0.1:1");
        assertThat(absent.code()).isEqualTo(1);
        assertThat(absent.err()).contains("cannot reach the Taproot server at http://127.0.0.1:1");
    }
}
