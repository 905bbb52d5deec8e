package dev.taproot.api.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.cli.TaprootCli;
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
import dev.taproot.search.SimilarHit;

/**
 * One failure asked through every surface (the service itself, REST, the remote CLI, Slack, Mattermost,
 * the webhook bot, the Alertmanager relay) gets one answer: the same causes in the same order with the
 * same confidence, and the same similar past incidents.
 */
class SameDiagnosisEverywhereTest {

    static final String SECRET = "same-answer-signing-secret";
    static final String READ = "same-answer-read-token-0001";
    static final String INGEST = "same-answer-ingest-token-001";
    static final String MATTERMOST = "same-answer-mattermost-token";
    /** The demo failure: paymentservice crash-loops, checkout errors, frontend slows. */
    static final Instant END = Instant.parse("2026-01-15T10:05:00Z");
    static final String ASKED = "checkoutservice";

    @TempDir
    static Path dir;
    static Taproot taproot;
    static TaprootServer server;
    static FakeSlack slack;
    static ApiClient client;

    /** What must agree: causes (entity and confidence in percent) in order, and similar incident ids in order. */
    record Answer(List<String> causes, List<String> incidents) {
    }

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.embedded());
        DemoGraph.load(taproot);
        var tokens = TokenStore.of(List.of(ApiToken.of("bot", Role.READ, READ), ApiToken.of("am", Role.INGEST, INGEST)));
        var chat = new ChatOpsConfig(SECRET, MATTERMOST, slack.url("/services/T000/B000/incoming"), List.of(slack.base()), null);
        server = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(tokens, false, 6000, 1000))
                .withChatOps(chat));
        client = new ApiClient(server.port(), READ);
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
    }

    /** The reference: the service asked directly, at most the three causes chat surfaces show. */
    static Answer direct(DiagnoseRequest question) {
        Diagnosis d = taproot.diagnose().diagnose(question);
        var causes = d.analysis().candidates().stream().limit(3).map(c -> key(c.name(), c.confidence())).toList();
        return new Answer(causes, d.similar().stream().map(SimilarHit::id).toList());
    }

    static String key(String entity, double confidence) {
        return entity + " " + String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }

    static Answer fromDiagnosisJson(JsonNode d) {
        var causes = new ArrayList<String>();
        for (JsonNode c : d.path("candidates")) {
            if (causes.size() < 3) {
                causes.add(key(c.path("name").asText(), c.path("confidence").asDouble()));
            }
        }
        var incidents = new ArrayList<String>();
        d.path("similar").forEach(s -> incidents.add(s.path("id").asText()));
        return new Answer(causes, incidents);
    }

    static Answer fromChatAnswer(JsonNode a) {
        var causes = new ArrayList<String>();
        a.path("causes").forEach(c -> causes.add(key(c.path("name").asText(), c.path("confidence").asDouble())));
        var incidents = new ArrayList<String>();
        a.path("incidents").forEach(i -> incidents.add(i.path("id").asText()));
        return new Answer(causes, incidents);
    }

    /** Slack: each cause's section names it with its confidence; the incidents' accessories carry their ids. */
    static Answer fromSlack(JsonNode message) {
        var causes = new ArrayList<String>();
        var incidents = new ArrayList<String>();
        var cause = java.util.regex.Pattern.compile("^\\*\\d+\\. (.+?)\\*.*?confidence (\\d+%)", java.util.regex.Pattern.DOTALL);
        for (JsonNode block : message.path("blocks")) {
            var m = cause.matcher(block.path("text").path("text").asText(""));
            if (m.find()) {
                causes.add(m.group(1) + " " + m.group(2));
            }
            if ("incident_helped".equals(block.path("accessory").path("action_id").asText())) {
                incidents.add(block.path("accessory").path("value").asText().split("\\|", 2)[1]);
            }
        }
        return new Answer(causes, incidents);
    }

    /** The entities Slack offers to confirm as the cause. */
    static List<String> confirmable(JsonNode message) {
        var out = new ArrayList<String>();
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode e : block.path("elements")) {
                if ("confirm_cause".equals(e.path("action_id").asText())) {
                    out.add(e.path("value").asText().split("\\|", 2)[1]);
                }
            }
        }
        return out;
    }

    static Map<String, String> signed(String body) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String sig = "v0=" + new SlackSignature(SECRET).sign(ts, body.getBytes(StandardCharsets.UTF_8));
        return Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sig);
    }

    static String form(Map<String, String> fields) {
        var sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    @Test
    void theSameQuestionGetsTheSameAnswerOnEverySurface() throws Exception {
        Answer expected = direct(DiagnoseRequest.about(ASKED).at(END));
        assertThat(expected.causes()).isNotEmpty();
        assertThat(expected.causes().get(0)).startsWith("paymentservice ");
        assertThat(expected.incidents()).isNotEmpty();

        String restBody = "{\"symptom\": {\"text\": \"" + ASKED + "\"}, \"window\": {\"end\": \"" + END + "\"}}";
        var rest = client.post("/api/v1/analyses", "application/json", restBody);
        assertThat(rest.statusCode()).isEqualTo(200);
        JsonNode restJson = ApiClient.json(rest);
        assertThat(fromDiagnosisJson(restJson)).as("REST").isEqualTo(expected);
        assertThat(restJson.path("id").asText()).isNotBlank();
        assertThat(restJson.path("blastRadius").toString()).contains("checkoutservice").contains("frontend");
        JsonNode todo = restJson.path("whatToDo");
        assertThat(todo.path(0).path("source").asText()).as("a matching runbook leads what to do").isEqualTo("runbook");
        assertThat(todo.path(0).path("steps").toString()).contains("rollout undo deployment/paymentservice");
        assertThat(todo.path(0).path("why").asText()).contains("CrashLoopBackOff").contains("KubePodCrashLooping");
        // the runbook proposes actions aimed at the cause's Deployment; none runs without an approval
        assertThat(todo.path(0).path("actions").findValuesAsText("command"))
                .containsExactly("kubectl -n default rollout undo deployment/paymentservice",
                        "kubectl -n default rollout restart deployment/paymentservice");
        assertThat(todo.path(0).path("actions").findValuesAsText("target")).containsOnly("paymentservice");
        assertThat(todo.findValuesAsText("source")).contains("past-incident");

        assertThat(fromDiagnosisJson(cliJson("analyze", "--server", "http://127.0.0.1:" + server.port(), "--token", READ,
                "--text", ASKED, "--to", END.toString(), "--json"))).as("remote CLI").isEqualTo(expected);

        String chat = "why " + ASKED + " at " + END;
        var webhook = client.post("/api/v1/chatops/webhook", "application/json",
                new ObjectMapper().writeValueAsString(Map.of("text", chat)));
        assertThat(fromChatAnswer(ApiClient.json(webhook))).as("webhook bot").isEqualTo(expected);

        String slackBody = form(Map.of("command", "/taproot", "text", chat, "user_id", "U1", "user_name", "ana",
                "response_url", slack.url("/commands/T1/1/abc")));
        var slash = client.withToken(null).post("/api/v1/chatops/slack/commands", "application/x-www-form-urlencoded",
                slackBody, signed(slackBody));
        JsonNode slackAnswer = ApiClient.json(slash);
        if (!slackAnswer.has("blocks")) {
            slackAnswer = new ObjectMapper().readTree(slack.next(60).body());
        }
        assertThat(fromSlack(slackAnswer)).as("Slack").isEqualTo(expected);
        assertThat(confirmable(slackAnswer)).as("the symptom is not offered as a cause to confirm")
                .contains("service/paymentservice").doesNotContain("service/checkoutservice");
        assertThat(slackAnswer.toString()).as("the causal sentence leads the evidence")
                .contains("checkoutservice depends on paymentservice");

        String mm = form(Map.of("token", MATTERMOST, "command", "/taproot", "text", chat, "user_name", "ana"));
        String mattermost = ApiClient.json(client.withToken(null).post("/api/v1/chatops/mattermost",
                "application/x-www-form-urlencoded", mm)).path("text").asText();
        assertThat(mattermost).as("Mattermost").contains(
                expected.causes().stream().map(c -> "confidence " + c.substring(c.indexOf(' ') + 1)).toList());
        int at = -1;
        for (String id : expected.incidents()) {
            int next = mattermost.indexOf(id);
            assertThat(next).as("Mattermost lists %s after the incidents before it", id).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void anAlertmanagerGroupIsDiagnosedAsTheSameQuestionAskedOverRest() throws Exception {
        byte[] payload;
        try (var in = getClass().getClassLoader().getResourceAsStream("demo/alertmanager-checkout-failure.json")) {
            payload = in.readAllBytes();
        }
        var relayed = client.withToken(INGEST).post("/api/v1/chatops/alertmanager", "application/json",
                new String(payload, StandardCharsets.UTF_8));
        assertThat(relayed.statusCode()).isEqualTo(202);
        // the question the relay asks: about the alerted service users meet, not the first alert's pod
        String question = new ObjectMapper().readTree(relayed.body()).path("analysing").asText();
        assertThat(question).startsWith("frontend at ");
        FakeSlack.Received posted = slack.next(60);
        assertThat(posted).as("the relay posts its answer").isNotNull();

        TimedText asked = TimedText.parse(question);
        Answer expected = direct(asked.question());
        assertThat(fromSlack(new ObjectMapper().readTree(posted.body()))).isEqualTo(expected);
        String restBody = "{\"symptom\": {\"text\": \"" + asked.text() + "\"}, \"window\": {\"end\": \"" + asked.at() + "\"}}";
        assertThat(fromDiagnosisJson(ApiClient.json(client.post("/api/v1/analyses", "application/json", restBody))))
                .isEqualTo(expected);
    }

    @Test
    void theCauseTheDiagnosisNamesIsNeverHealthyAtThatInstantOnAnySurface() throws Exception {
        Diagnosis d = taproot.diagnose().diagnose(DiagnoseRequest.about(ASKED).at(END));
        var top = taproot.store().entity(d.analysis().top().entityKey()).orElseThrow();
        var score = taproot.health().of(top, END, dev.taproot.api.explorer.HealthScores.DEFAULT_WINDOW);
        assertThat(score.status()).as("health of the named cause").isEqualTo("unhealthy");
        assertThat(score.reasons()).anyMatch(r -> r.reason().contains("CrashLoopBackOff"));

        JsonNode explorer = ApiClient.json(client.get("/api/v1/explorer/health?entity=" + top.name() + "&at=" + END));
        assertThat(explorer.path("score").asInt()).isEqualTo(score.score());
        assertThat(explorer.path("time").asText()).isEqualTo("as asked");
        var webhook = client.post("/api/v1/chatops/webhook", "application/json",
                new ObjectMapper().writeValueAsString(Map.of("text", "health " + top.name() + " at " + END)));
        assertThat(ApiClient.json(webhook).path("title").asText()).contains(score.score() + "/100 (unhealthy)");

        var quiet = taproot.store().entity("service/adservice").orElseThrow();
        assertThat(taproot.health().of(quiet, END, dev.taproot.api.explorer.HealthScores.DEFAULT_WINDOW).score())
                .as("a service with no signal").isEqualTo(100);
        assertThat(ApiClient.json(client.get("/api/v1/explorer/health")).path("time").asText()).isEqualTo("now");
    }

    static JsonNode cliJson(String... args) throws Exception {
        PrintStream out = System.out;
        var o = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        try {
            assertThat(TaprootCli.run(args)).isZero();
        } finally {
            System.setOut(out);
        }
        return new ObjectMapper().readTree(o.toString(StandardCharsets.UTF_8));
    }
}
