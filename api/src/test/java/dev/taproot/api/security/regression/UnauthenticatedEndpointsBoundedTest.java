package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.config.ChatOpsConfig;

/**
 * Finding: Slack and Mattermost endpoints read up to 50 MB before checking the signature and were not
 * rate limited (64 concurrent 49 MB posts gave 22 OutOfMemoryErrors). Now they read at most
 * {@link ChatOpsConfig#MAX_BODY_BYTES}, refusing a larger declared or streamed body before any check;
 * each address has a request budget on them; and failed authentications (any 401) are throttled per
 * address, for bearer tokens too.
 */
class UnauthenticatedEndpointsBoundedTest {

    @TempDir
    Path dir;

    @Test
    void anOversizedSlackOrMattermostBodyIsRefusedBeforeItsSignatureIsChecked() throws Exception {
        try (var server = new SecuredServer(dir)) {
            String big = "text=" + "a".repeat(ChatOpsConfig.MAX_BODY_BYTES + 1);
            var http = HttpClient.newHttpClient();
            // "Expect: 100-continue" lets the server answer before the client sends the body, as it does
            // for a declared length above the cap; without it the answer races the client still sending,
            // and the client may see the connection closed under it instead of the 413.
            for (String path : new String[] {"/api/v1/chatops/slack/commands", "/api/v1/chatops/mattermost"}) {
                var declared = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).expectContinue(true)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(big)).build();
                var r = http.send(declared, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(413);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
            // a chunked body declares no length: refused once it passes the cap
            var chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/chatops/slack/commands"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build();
            var r = http.send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void unauthenticatedEndpointsAreRateLimitedPerAddressWithRetryAfter() {
        try (var server = new SecuredServer(dir, o -> o.withSecurity(o.security().withAddressLimits(5, 1_000)))) {
            int limited = 0;
            String retryAfter = null;
            for (int i = 0; i < 8; i++) {
                var r = server.as(null).post("/api/v1/chatops/mattermost", "application/x-www-form-urlencoded",
                        "token=" + SecuredServer.MATTERMOST + "&text=help");
                if (r.statusCode() == 429) {
                    limited++;
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                }
            }
            assertThat(limited).isGreaterThanOrEqualTo(3);
            assertThat(retryAfter).isNotNull();
        }
    }

    @Test
    void failedAuthenticationIsThrottledPerAddressForBearerTokensAndSlack() {
        try (var server = new SecuredServer(dir, o -> o.withSecurity(o.security().withAddressLimits(1_000, 3)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.as("guessed-token-" + i + "-xxxxxxxxxx").get("/api/v1/health").statusCode()).isEqualTo(401);
            }
            var blocked = server.as(SecuredServer.READ).get("/api/v1/health");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
            var slack = server.as(null).post("/api/v1/chatops/slack/commands", "application/x-www-form-urlencoded", "text=help",
                    Map.of("X-Slack-Request-Timestamp", "1", "X-Slack-Signature", "v0=00"));
            assertThat(slack.statusCode()).isEqualTo(429);
        }
    }
}
