package dev.taproot.api.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.SlackSignature;
import dev.taproot.api.security.TokenStore;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.api.testing.FakeSlack;
import dev.taproot.graph.testing.TestStores;

class ChatOpsRoutesTest {

    static final String SECRET = "chatops-test-signing-secret";
    static final String READ = "chatops-read-token-000000001";
    static final String INGEST = "chatops-ingest-token-0000001";
    static final String MATTERMOST = "mattermost-command-token";
    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;
    static FakeSlack slack;
    static ApiClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        var tokens = TokenStore.of(List.of(ApiToken.of("bot", Role.READ, READ), ApiToken.of("am", Role.INGEST, INGEST)));
        var chat = new ChatOpsConfig(SECRET, MATTERMOST, slack.url("/services/T000/B000/incoming"), List.of(slack.base()), null);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(tokens, false, 6000, 1000))
                .withChatOps(chat));
        anonymous = new ApiClient(server.port(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
    }

    static String form(Map<String, String> fields) {
        var sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    static Map<String, String> signed(String body, long timestamp) {
        String sig = "v0=" + new SlackSignature(SECRET).sign(Long.toString(timestamp), body.getBytes(StandardCharsets.UTF_8));
        return Map.of("X-Slack-Request-Timestamp", Long.toString(timestamp), "X-Slack-Signature", sig);
    }

    static java.net.http.HttpResponse<String> slash(String text) {
        String body = form(Map.of("command", "/taproot", "text", text, "user_id", "U1", "user_name", "ana",
                "response_url", slack.url("/commands/T1/1/abc")));
        return anonymous.post("/api/v1/chatops/slack/commands", "application/x-www-form-urlencoded", body,
                signed(body, System.currentTimeMillis() / 1000));
    }

    /** The answer: inline, or (after an acknowledgement) what arrived at the response URL. */
    static JsonNode answerOf(java.net.http.HttpResponse<String> r) throws Exception {
        JsonNode inline = ApiClient.json(r);
        if (inline.has("blocks")) {
            return inline;
        }
        FakeSlack.Received posted = slack.next(60);
        assertThat(posted).as("answer posted to response_url").isNotNull();
        return new ObjectMapper().readTree(posted.body());
    }

    @Test
    void whyAnswersWithCausesEvidenceIncidentsAndButtons() throws Exception {
        slash("help"); // warm up the code paths the first command loads
        long started = System.nanoTime();
        var r = slash("why paymentservice");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        // the answer is inline when ready within 2 s, else an acknowledgement; bench chatops measures the latency
        System.out.println("chatops: first answer to 'why paymentservice' after " + millis + " ms");
        JsonNode answer = answerOf(r);
        String text = answer.toString();
        assertThat(answer.at("/blocks/0/type").asText()).isEqualTo("header");
        assertThat(text).contains("confidence").contains("confirm_cause").contains("wrong_cause");
        assertThat(text).contains("Similar past incidents").contains("incident_helped").contains("INC-");
    }

    @Test
    void helpSimilarBlastAndHealthAnswer() throws Exception {
        assertThat(answerOf(slash("help")).toString()).contains("why &lt;service").doesNotContain("Unknown command");
        assertThat(answerOf(slash("frobnicate")).toString()).contains("Unknown command 'frobnicate'");
        assertThat(answerOf(slash("similar redis evicted carts empty")).toString()).contains("INC-2025-0519");
        assertThat(answerOf(slash("blast redis-cart")).toString()).contains("cartservice").contains("checkoutservice");
        assertThat(answerOf(slash("health paymentservice at 2026-01-15T10:01:00Z")).toString()).contains("/100")
                .contains("CrashLoop");
    }

    @Test
    void tamperedAndReplayedCommandsAreRefused() {
        String body = form(Map.of("command", "/taproot", "text", "help", "response_url", slack.url("/x")));
        long now = System.currentTimeMillis() / 1000;
        var tampered = anonymous.post("/api/v1/chatops/slack/commands", "application/x-www-form-urlencoded",
                body.replace("help", "why+x"), signed(body, now));
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(tampered).get("detail").asText()).contains("bad signature");
        var replayed = anonymous.post("/api/v1/chatops/slack/commands", "application/x-www-form-urlencoded", body,
                signed(body, now - 301));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(replayed).get("detail").asText()).contains("stale");
        var unsigned = anonymous.post("/api/v1/chatops/slack/commands", "application/x-www-form-urlencoded", body);
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    void buttonsAreStoredAsFeedbackAndAcknowledged() throws Exception {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\",\"username\":\"ana\"},"
                + "\"response_url\":\"" + slack.url("/actions/1") + "\","
                + "\"actions\":[{\"action_id\":\"confirm_cause\",\"value\":\"a-1|service/paymentservice\"}]}";
        String body = form(Map.of("payload", payload));
        var r = anonymous.post("/api/v1/chatops/slack/interactions", "application/x-www-form-urlencoded", body,
                signed(body, System.currentTimeMillis() / 1000));
        assertThat(r.statusCode()).isEqualTo(200);
        var stored = taproot.store().causePriors(List.of("service/paymentservice"));
        assertThat(stored).anySatisfy(p -> assertThat(p.confirmed()).isPositive());
        String helped = form(Map.of("payload", payload.replace("confirm_cause", "incident_helped")
                .replace("service/paymentservice", "INC-2025-0412")));
        assertThat(anonymous.post("/api/v1/chatops/slack/interactions", "application/x-www-form-urlencoded", helped,
                signed(helped, System.currentTimeMillis() / 1000)).statusCode()).isEqualTo(200);
        assertThat(taproot.store().feedbackAbout("INC-2025-0412")).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(dev.taproot.graph.model.Feedback.Kind.HELPED);
            assertThat(f.analysisId()).isEqualTo("a-1");
            assertThat(f.by()).contains("ana");
        });
        FakeSlack.Received ack;
        do {
            ack = slack.next(10);
        } while (ack != null && !ack.path().equals("/actions/1"));
        assertThat(ack).isNotNull();
        assertThat(ack.body()).contains("confirmed the cause");
    }

    @Test
    void mattermostNeedsItsTokenAndAnswersInItsFormat() {
        String good = form(Map.of("token", MATTERMOST, "command", "/taproot", "text", "blast redis-cart"));
        var r = anonymous.post("/api/v1/chatops/mattermost", "application/x-www-form-urlencoded", good);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(r);
        assertThat(body.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(body.get("text").asText()).contains("cartservice");
        String bad = form(Map.of("token", "wrong", "text", "help"));
        assertThat(anonymous.post("/api/v1/chatops/mattermost", "application/x-www-form-urlencoded", bad).statusCode()).isEqualTo(401);
    }

    @Test
    void jsonWebhookNeedsAReadToken() {
        String body = "{\"text\": \"similar payment pods OOMKilled\"}";
        assertThat(anonymous.post("/api/v1/chatops/webhook", "application/json", body).statusCode()).isEqualTo(401);
        var r = anonymous.withToken(READ).post("/api/v1/chatops/webhook", "application/json", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(r).at("/incidents/0/id").asText()).isEqualTo("INC-2025-0412");
    }

    @Test
    void alertmanagerGroupsAreAnalysedAndPostedToTheIncomingWebhook() throws Exception {
        String payload;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/alertmanager-checkout-failure.json")) {
            payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(anonymous.withToken(READ).post("/api/v1/chatops/alertmanager", "application/json", payload).statusCode())
                .isEqualTo(403);
        var r = anonymous.withToken(INGEST).post("/api/v1/chatops/alertmanager", "application/json", payload);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(r).get("analysing").asText()).isNotBlank();
        FakeSlack.Received posted;
        do {
            posted = slack.next(60);
        } while (posted != null && !posted.path().equals("/services/T000/B000/incoming"));
        assertThat(posted).isNotNull();
        JsonNode message = new ObjectMapper().readTree(posted.body());
        assertThat(message.get("blocks").size()).isGreaterThan(1);
        assertThat(message.get("text").asText()).isNotBlank();
        assertThat(anonymous.withToken(INGEST).post("/api/v1/chatops/alertmanager", "application/json", "{\"x\":1}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void whenEveryWorkerIsBusyAndTheQueueIsFullSlackHearsBusyAndAlertsAreStoredWithoutAnalysis() throws Exception {
        var pool = server.chatops().executor();
        awaitIdle(pool);
        var release = new java.util.concurrent.CountDownLatch(1);
        Runnable blocker = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            // every worker on a blocked task, then every queue slot taken
            for (int n = 0; n < pool.getMaximumPoolSize(); n++) {
                pool.execute(blocker);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (pool.getActiveCount() < pool.getMaximumPoolSize() && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            while (pool.getQueue().remainingCapacity() > 0) {
                pool.execute(blocker);
            }
            var busy = slash("why checkoutservice");
            assertThat(busy.statusCode()).isEqualTo(200);
            assertThat(ApiClient.json(busy).get("text").asText()).isEqualTo(SlackRoutes.BUSY);

            String payload;
            try (var in = getClass().getClassLoader().getResourceAsStream("demo/alertmanager-checkout-failure.json")) {
                payload = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var relayed = anonymous.withToken(INGEST).post("/api/v1/chatops/alertmanager", "application/json", payload);
            assertThat(relayed.statusCode()).isEqualTo(202);
            assertThat(ApiClient.json(relayed).get("analysing").isNull()).isTrue();
            assertThat(ApiClient.json(relayed).get("skipped").asText()).contains("at capacity");
            assertThat(ApiClient.json(relayed).get("ingested").asText()).isNotBlank();
        } finally {
            release.countDown();
        }
        // capacity comes back once the work drains
        awaitIdle(pool);
        assertThat(ApiClient.json(slash("help")).get("text").asText()).isNotEqualTo(SlackRoutes.BUSY);
    }

    private static void awaitIdle(java.util.concurrent.ThreadPoolExecutor pool) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (pool.getActiveCount() + pool.getQueue().size() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void capacityComesFromTheEnvironmentAndBadValuesAreNamed() {
        var config = chatopsOf(Map.of("TAPROOT_CHATOPS_WORKERS", "2", "TAPROOT_CHATOPS_QUEUE", "5"));
        assertThat(config.workers()).isEqualTo(2);
        assertThat(config.queue()).isEqualTo(5);
        assertThat(chatopsOf(Map.of()).queue()).isEqualTo(ChatOpsConfig.DEFAULT_QUEUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chatopsOf(Map.of("TAPROOT_CHATOPS_QUEUE", "0")))
                .hasMessageContaining("TAPROOT_CHATOPS_QUEUE: must be between 1 and");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chatopsOf(Map.of("TAPROOT_CHATOPS_WORKERS", "many")))
                .hasMessageContaining("TAPROOT_CHATOPS_WORKERS: must be a whole number");
    }

    private static ChatOpsConfig chatopsOf(Map<String, String> env) {
        return dev.taproot.api.config.ConfigLoader.load(null, env, dev.taproot.api.config.CommandLineOverrides.NONE)
                .orThrow().chatops();
    }
}
