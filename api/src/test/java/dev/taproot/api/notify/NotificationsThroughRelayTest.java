package dev.taproot.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.taproot.api.Taproot;
import dev.taproot.api.chatops.MattermostActions;
import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.Destination;
import dev.taproot.api.config.NotifyConfig.Route;
import dev.taproot.api.config.NotifyConfig.Type;
import dev.taproot.api.config.NotifyConfig;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.api.testing.DemoGraph;
import dev.taproot.api.testing.FakeChatServer;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.ingest.IngestInput;

/**
 * The whole path: Alertmanager posts to the relay, the relay's one diagnosis is routed by the team the
 * Backstage catalog names as owner, posted to a Slack Web API and a Mattermost REST API stand-in, updated
 * in place when the group is sent again, and marked resolved when it resolves. Mattermost's buttons are
 * clicked back into feedback.
 */
class NotificationsThroughRelayTest {

    static final String INGEST = "notify-ingest-token-00000001";
    static final String READ = "notify-read-token-0000000001";
    static final String MATTERMOST = "mattermost-command-token-notify";
    static final String PUBLIC_URL = "https://taproot.example.internal";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;
    static FakeChatServer chat;
    static ApiClient client;

    static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: paymentservice
            spec:
              type: service
              lifecycle: production
              owner: group:payments-team
            """;

    @BeforeAll
    static void start() throws Exception {
        chat = new FakeChatServer();
        var destinations = List.of(
                new Destination("payments-slack", Type.SLACK, URI.create(chat.url("/slack")), "xoxb-notify", "C0001"),
                new Destination("payments-mm", Type.MATTERMOST, URI.create(chat.url("/mm")), "mm-bot", "chan1"),
                new Destination("elsewhere", Type.WEBHOOK, URI.create(chat.url("/elsewhere")), null, null));
        var all = EnumSet.allOf(NotificationKind.class);
        var routes = List.of(
                new Route("payments", Set.of(), Set.of(), Set.of("payments-team"), Set.of(), all,
                        List.of("payments-slack", "payments-mm"), 0.1, null),
                new Route("elsewhere", Set.of("kube-system"), Set.of(), Set.of(), Set.of(), all, List.of("elsewhere"), 0, null));
        var config = TaprootConfig.from(dir, 0, 0, Map.of("TAPROOT_MATTERMOST_TOKEN", MATTERMOST, "TAPROOT_PUBLIC_URL", PUBLIC_URL))
                .withNotifications(new NotifyConfig(destinations, routes, 2, 16, Duration.ofSeconds(5), 1));
        taproot = Taproot.over(config, TestStores.embedded());
        DemoGraph.load(taproot);
        taproot.ingest().ingest(new IngestInput("catalog-info.yaml", CATALOG.getBytes(StandardCharsets.UTF_8),
                DemoGraph.OBSERVED), true);
        var tokens = TokenStore.of(List.of(ApiToken.of("am", Role.INGEST, INGEST), ApiToken.of("ops", Role.READ, READ)));
        // no Slack incoming webhook: the relay runs for the notification routes alone
        var chatops = new ChatOpsConfig(null, MATTERMOST, null, List.of(), PUBLIC_URL);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(tokens, false, 6000, 1000))
                .withChatOps(chatops));
        client = new ApiClient(server.port(), INGEST);
    }

    @AfterAll
    static void stop() {
        server.close();
        taproot.notifier().close(); // the store is shared with other test classes: not closed here
        chat.close();
    }

    static String payload(boolean resolved) throws Exception {
        try (var in = NotificationsThroughRelayTest.class.getClassLoader().getResourceAsStream("demo/alertmanager-checkout-failure.json")) {
            var group = (ObjectNode) JSON.readTree(in);
            if (resolved) {
                group.put("status", "resolved");
                group.withArray("alerts").forEach(a -> {
                    ((ObjectNode) a).put("status", "resolved");
                    ((ObjectNode) a).put("endsAt", "2026-01-15T10:20:00Z");
                });
            }
            return JSON.writeValueAsString(group);
        }
    }

    static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = probe.get();
        }
        return value;
    }

    @Test
    void aFailureIsPostedOnceUpdatedInPlaceAndResolvedWithButtonsThatRecordFeedback() throws Exception {
        var first = client.post("/api/v1/chatops/alertmanager", "application/json", payload(false));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(first).path("analysing").asText()).as("the alerted service users meet")
                .startsWith("frontend at ");
        var posts = eventually(() -> chat.to("/slack/chat.postMessage"), l -> !l.isEmpty());
        assertThat(posts).hasSize(1);
        JsonNode slack = posts.get(0).json();
        assertThat(slack.path("channel").asText()).isEqualTo("C0001");
        assertThat(slack.path("text").asText()).contains("paymentservice");
        assertThat(slack.toString()).contains("confirm_cause").contains("wrong_cause").contains("Firing");
        assertThat(posts.get(0).authorization()).isEqualTo("Bearer xoxb-notify");

        // Alertmanager sends the group again (group_interval): the same message is updated, no second post
        assertThat(client.post("/api/v1/chatops/alertmanager", "application/json", payload(false)).statusCode()).isEqualTo(202);
        var updates = eventually(() -> chat.to("/slack/chat.update"), l -> !l.isEmpty());
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).json().path("ts").asText()).startsWith("1767225600.");

        // resolved: the same message says so
        assertThat(client.post("/api/v1/chatops/alertmanager", "application/json", payload(true)).statusCode()).isEqualTo(202);
        var resolved = eventually(() -> chat.to("/slack/chat.update"), l -> l.size() >= 2);
        assertThat(resolved).hasSize(2);
        assertThat(resolved.get(1).json().path("text").asText()).startsWith("Resolved: ");
        assertThat(taproot.notifier().awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(chat.to("/slack/chat.postMessage")).hasSize(1);
        assertThat(chat.to("/elsewhere")).as("a route for another namespace").isEmpty();

        // Mattermost: one post, patched twice, with Confirm/Wrong buttons pointing back at Taproot
        var mmPosts = chat.to("/mm/api/v4/posts").stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(mmPosts).hasSize(1);
        assertThat(chat.to("/mm/api/v4/posts/post").stream().filter(r -> r.method().equals("PUT")).toList()).hasSize(2);
        JsonNode action = mmPosts.get(0).json().at("/props/attachments/0/actions/0");
        assertThat(action.path("name").asText()).isEqualTo("Confirm cause");
        assertThat(action.at("/integration/url").asText()).isEqualTo(PUBLIC_URL + MattermostActions.PATH);

        // the click comes back through Mattermost with the context Taproot signed
        var click = JSON.createObjectNode().put("user_id", "u1").put("user_name", "ana");
        click.set("context", action.at("/integration/context"));
        var clicked = new ApiClient(server.port(), null).post(MattermostActions.PATH, "application/json", click.toString());
        assertThat(clicked.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(clicked).path("ephemeral_text").asText()).startsWith("Thanks, recorded: you confirmed the cause");
        ((ObjectNode) click.get("context")).put("subject", "k8s/default/Deployment/frontend");
        assertThat(new ApiClient(server.port(), null).post(MattermostActions.PATH, "application/json", click.toString())
                .statusCode()).as("a context Taproot did not sign").isEqualTo(401);
        String big = "{\"context\":\"" + "a".repeat(ChatOpsConfig.MAX_BODY_BYTES) + "\"}";
        assertThat(new ApiClient(server.port(), null).post(MattermostActions.PATH, "application/json", big).statusCode())
                .as("read at most 256 KiB before the signature is checked").isEqualTo(413);

        // what was sent is counted in the metrics
        String metrics = new ApiClient(server.port(), READ).get("/metrics").body();
        assertThat(metrics).containsPattern("taproot_notifications_sent_total\\{destination=\"payments-slack\",type=\"slack\"} 3.0");
        assertThat(metrics).contains("taproot_notifications_failed_total{destination=\"payments-slack\",type=\"slack\"} 0.0");
    }

    @Test
    void mattermostSlashCommandAnswersCarryTheSameButtonsAsSlack() throws Exception {
        String form = "token=" + MATTERMOST + "&command=%2Ftaproot&text=why+paymentservice+at+2026-01-15T10%3A01%3A00Z";
        var r = new ApiClient(server.port(), null).post("/api/v1/chatops/mattermost", "application/x-www-form-urlencoded", form);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode answer = ApiClient.json(r);
        assertThat(answer.path("text").asText()).contains("confidence");
        JsonNode buttons = answer.at("/attachments/0/actions");
        assertThat(buttons).extracting(b -> b.path("name").asText()).containsExactly("Confirm cause", "Wrong cause");
        assertThat(buttons.get(1).at("/integration/context/action").asText()).isEqualTo("wrong_cause");
    }
}
