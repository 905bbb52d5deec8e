package dev.taproot.api.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.testing.TestStores;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * Approval-gated actions end to end: a real Taproot server on loopback, configured (through the
 * environment, as a user would) with a kubeconfig that points at fabric8's Kubernetes mock server.
 * The mock stores what is written (CRUD mode) but cannot dry-run, so dry-run patches are answered by
 * expectations that record them; everything else is stored.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesActionsTest {

    static final String ADMIN = "admin-secret-for-actions-0001";
    static final String ONCALL = "oncall-secret-for-actions-001";
    static final String READER = "reader-secret-for-actions-001";
    static final ObjectMapper JSON = new ObjectMapper();

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;
    Taproot taproot;
    TaprootServer http;
    final HttpClient web = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        client.apps().deployments().inNamespace("shop").resource(deployment("shop/payment:2.0", 2, "2")).create();
        Deployment d = client.apps().deployments().inNamespace("shop").withName("payment").get();
        for (int rev = 1; rev <= 2; rev++) {
            client.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata()
                    .withName("payment-rev" + rev).withNamespace("shop")
                    .addToAnnotations(KubernetesActions.REVISION, Integer.toString(rev))
                    .withOwnerReferences(new OwnerReferenceBuilder().withKind("Deployment").withName("payment")
                            .withUid(d.getMetadata().getUid()).withApiVersion("apps/v1").build())
                    .endMetadata().withNewSpec().withReplicas(rev == 2 ? 2 : 0).withNewSelector().addToMatchLabels("app", "payment").endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", "payment").addToLabels("pod-template-hash", "h" + rev)
                    .endMetadata().withNewSpec().addNewContainer().withName("server").withImage("shop/payment:" + rev + ".0")
                    .endContainer().endSpec().endTemplate().endSpec().build()).create();
        }
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build()).create();

        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: taproot
                  user: {token: not-used-by-the-mock}
                contexts:
                - name: mock
                  context: {cluster: mock, user: taproot}
                current-context: mock
                """.formatted(client.getConfiguration().getMasterUrl()));
        var config = TaprootConfig.from(dir.resolve("data"), 0, 0, Map.of("TAPROOT_ACTIONS_KUBERNETES", "true",
                "TAPROOT_ACTIONS_KUBECONFIG", kubeconfig.toString(), "TAPROOT_ACTIONS_NAMESPACES", "shop"));
        taproot = Taproot.over(config, TestStores.emptyEmbedded());
        var tokens = TokenStore.of(List.of(ApiToken.of("alice", Role.ADMIN, ADMIN), ApiToken.of("bob", Role.FEEDBACK, ONCALL),
                ApiToken.of("reader", Role.READ, READER)));
        http = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(tokens, false, 6000, 1000)));
    }

    @AfterEach
    void stop() {
        http.close();
        taproot.close();
    }

    static Deployment deployment(String image, int replicas, String revision) {
        return new DeploymentBuilder().withNewMetadata().withName("payment").withNamespace("shop")
                .addToAnnotations(KubernetesActions.REVISION, revision).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "payment").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "payment").endMetadata()
                .withNewSpec().addNewContainer().withName("server").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    record Answer(int status, JsonNode body) {
    }

    Answer post(String path, String token, String body) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = web.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body()));
    }

    Deployment payment() {
        return client.apps().deployments().inNamespace("shop").withName("payment").get();
    }

    static final String DRY_DEPLOYMENT = "/apis/apps/v1/namespaces/shop/deployments/payment?fieldManager=taproot&dryRun=All";
    static final String DRY_NODE = "/api/v1/nodes/node-1?fieldManager=taproot&dryRun=All";

    /** What the mock answers a dry run with (it cannot dry-run itself), and the dry-run patches it was sent. */
    volatile Object wouldBe;
    final List<String> dryRunPatches = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void dryRuns() {
        server.expect().patch().withPath(DRY_DEPLOYMENT).andReply(200, r -> {
            dryRunPatches.add(r.getBody().readUtf8());
            return wouldBe;
        }).always();
        server.expect().patch().withPath(DRY_NODE).andReply(200, r -> {
            dryRunPatches.add(r.getBody().readUtf8());
            return wouldBe;
        }).always();
    }

    Answer propose(String token, String body) throws Exception {
        return post("/api/v1/actions", token, body);
    }

    @Test
    void aScaleIsDryRunWhenProposedAndRunsOnlyWhenAnAdminApproves() throws Exception {
        wouldBe = deployment("shop/payment:2.0", 3, "2");
        Answer proposed = propose(ONCALL, "{\"kind\":\"scale\",\"namespace\":\"shop\",\"target\":\"payment\",\"replicas\":3,"
                + "\"reason\":\"checkout is overloaded\",\"diagnosis\":\"d-1\"}");
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("state").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.body().path("kind").asText()).isEqualTo("scale");
        assertThat(proposed.body().path("dryRun").get(0).asText()).isEqualTo("replicas: 2 -> 3");
        assertThat(proposed.body().path("command").asText()).isEqualTo("kubectl -n shop scale deployment/payment --replicas=3");
        assertThat(dryRunPatches).containsExactly("{\"spec\":{\"replicas\":3}}");
        assertThat(payment().getSpec().getReplicas()).as("a proposal changes nothing").isEqualTo(2);

        String id = proposed.body().path("id").asText();
        assertThat(post("/api/v1/actions/" + id + "/approve", null, "").status()).isEqualTo(401);
        assertThat(post("/api/v1/actions/" + id + "/approve", READER, "").status()).isEqualTo(403);
        assertThat(post("/api/v1/actions/" + id + "/approve", ONCALL, "").status()).as("feedback may propose, not approve").isEqualTo(403);
        assertThat(payment().getSpec().getReplicas()).as("refused approvals change nothing").isEqualTo(2);

        Answer approved = post("/api/v1/actions/" + id + "/approve", ADMIN, "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("state").asText()).isEqualTo("EXECUTED");
        assertThat(approved.body().path("decidedBy").asText()).isEqualTo("alice");
        assertThat(approved.body().path("result").get(0).asText()).isEqualTo("replicas: 2 -> 3");
        assertThat(payment().getSpec().getReplicas()).isEqualTo(3);

        List<Signal> changes = taproot.store().signals(List.of("service/payment"), Instant.EPOCH, Instant.now().plusSeconds(60));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo("ScaleChange");
            assertThat(c.attributes()).containsEntry("approvedBy", "alice").containsEntry("proposedBy", "bob")
                    .containsEntry("reason", "checkout is overloaded").containsEntry("diagnosis", "d-1")
                    .containsEntry("command", "kubectl -n shop scale deployment/payment --replicas=3");
        });
        assertThat(post("/api/v1/actions/" + id + "/approve", ADMIN, "").status()).as("runs once").isEqualTo(409);
    }

    @Test
    void aRollbackReturnsToThePreviousRevisionsTemplate() throws Exception {
        wouldBe = deployment("shop/payment:1.0", 2, "2");
        Answer proposed = propose(ONCALL, "{\"kind\":\"rollback\",\"namespace\":\"shop\",\"target\":\"payment\",\"reason\":\"crash loop after 2.0\"}");
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("dryRun").toString()).contains("revision 2 -> the template of revision 1")
                .contains("container server image: shop/payment:2.0 -> shop/payment:1.0");
        assertThat(dryRunPatches.get(0)).contains("\"op\":\"replace\"").contains("shop/payment:1.0").doesNotContain("pod-template-hash");
        assertThat(payment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop/payment:2.0");

        Answer approved = post("/api/v1/actions/" + proposed.body().path("id").asText() + "/approve", ADMIN, "");
        assertThat(approved.status()).isEqualTo(200);
        Deployment after = payment();
        assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("shop/payment:1.0");
        assertThat(after.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", "payment").doesNotContainKey("pod-template-hash");
    }

    @Test
    void aRestartAndACordonChangeWhatKubectlWould() throws Exception {
        Deployment restarted = deployment("shop/payment:2.0", 2, "2");
        restarted.getSpec().getTemplate().getMetadata().setAnnotations(Map.of(KubernetesActions.RESTARTED_AT, "2026-01-01T00:00:00Z"));
        wouldBe = restarted;
        Answer restart = propose(ONCALL, "{\"kind\":\"restart\",\"namespace\":\"shop\",\"target\":\"payment\",\"reason\":\"stuck\"}");
        assertThat(restart.body().path("dryRun").get(0).asText()).contains(KubernetesActions.RESTARTED_AT).contains("unset ->");
        assertThat(post("/api/v1/actions/" + restart.body().path("id").asText() + "/approve", ADMIN, "").status()).isEqualTo(200);
        assertThat(payment().getSpec().getTemplate().getMetadata().getAnnotations()).containsKey(KubernetesActions.RESTARTED_AT);

        wouldBe = new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().withNewSpec().withUnschedulable(true).endSpec().build();
        Answer cordon = propose(ONCALL, "{\"kind\":\"cordon\",\"target\":\"node-1\",\"reason\":\"NotReady\"}");
        assertThat(cordon.body().path("dryRun").get(0).asText()).contains("unschedulable: false -> true");
        assertThat(client.nodes().withName("node-1").get().getSpec()).as("a proposal changes nothing").isNull();
        assertThat(post("/api/v1/actions/" + cordon.body().path("id").asText() + "/approve", ADMIN, "").status()).isEqualTo(200);
        assertThat(client.nodes().withName("node-1").get().getSpec().getUnschedulable()).isTrue();
        assertThat(taproot.store().signals(List.of("k8s/Node/node-1"), Instant.EPOCH, Instant.now().plusSeconds(60)))
                .extracting(Signal::type).containsExactly("InfrastructureChange");
    }

    @Test
    void badRequestsAreNamedAndNothingRuns() throws Exception {
        wouldBe = deployment("shop/payment:2.0", 3, "2");
        assertThat(propose(ONCALL, "{\"kind\":\"delete\",\"namespace\":\"shop\",\"target\":\"payment\",\"reason\":\"x\"}"))
                .satisfies(a -> assertThat(a.status()).isEqualTo(400))
                .satisfies(a -> assertThat(a.body().path("detail").asText()).contains("field 'kind'").contains("delete"));
        assertThat(propose(ONCALL, "{\"kind\":\"scale\",\"namespace\":\"shop\",\"target\":\"payment\"}").body().path("detail").asText())
                .contains("field 'reason'");
        assertThat(propose(ONCALL, "{\"kind\":\"scale\",\"namespace\":\"shop\",\"target\":\"payment\",\"reason\":\"x\",\"by\":\"mallory\"}")
                .body().path("detail").asText()).contains("field 'by'");
        assertThat(propose(ONCALL, "{\"kind\":\"scale\",\"namespace\":\"kube-system\",\"target\":\"coredns\",\"reason\":\"x\"}"))
                .satisfies(a -> assertThat(a.status()).isEqualTo(403))
                .satisfies(a -> assertThat(a.body().path("detail").asText()).contains("kube-system").contains("shop"));
        assertThat(propose(ONCALL, "{\"kind\":\"restart\",\"namespace\":\"shop\",\"target\":\"nosuch\",\"reason\":\"x\"}"))
                .satisfies(a -> assertThat(a.status()).isEqualTo(404))
                .satisfies(a -> assertThat(a.body().path("detail").asText()).contains("no Deployment 'nosuch' in namespace 'shop'"));
        assertThat(propose(READER, "{\"kind\":\"scale\",\"namespace\":\"shop\",\"target\":\"payment\",\"reason\":\"x\"}").status())
                .as("a read token cannot even propose").isEqualTo(403);

        Answer proposed = propose(ONCALL, "{\"kind\":\"scale\",\"namespace\":\"shop\",\"target\":\"payment\",\"reason\":\"x\"}");
        String id = proposed.body().path("id").asText();
        assertThat(post("/api/v1/actions/" + id + "/reject", ONCALL, "").body().path("state").asText()).isEqualTo("REJECTED");
        assertThat(post("/api/v1/actions/" + id + "/approve", ADMIN, "")).satisfies(a -> assertThat(a.status()).isEqualTo(409))
                .satisfies(a -> assertThat(a.body().path("detail").asText()).contains("rejected (by bob)"));
        assertThat(post("/api/v1/actions/no-such-id/approve", ADMIN, "").status()).isEqualTo(404);
        assertThat(payment().getSpec().getReplicas()).isEqualTo(2);
        assertThat(taproot.store().signals(List.of("service/payment"), Instant.EPOCH, Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void inSlackADryRunIsOneClickAndOnlyAListedAdminCanApprove() throws Exception {
        wouldBe = deployment("shop/payment:2.0", 3, "2");
        String secret = "slack-signing-secret-for-actions";
        try (var slack = new dev.taproot.api.testing.FakeSlack();
             var chat = TaprootServer.start(taproot, ServerOptions.of("127.0.0.1", 0, new SecurityConfig(
                     TokenStore.of(List.of(ApiToken.of("alice", Role.ADMIN, ADMIN))), false, 6000, 1000))
                     .withChatOps(new dev.taproot.api.config.ChatOpsConfig(secret, null, null, List.of(slack.base()), null)
                             .withSlackAdmins(List.of("UBOSS01"))))) {
            java.util.function.BiFunction<String, String, Integer> click = (user, action) -> {
                String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\",\"username\":\"u\"},"
                        + "\"response_url\":\"" + slack.url("/actions/" + user) + "\",\"actions\":[" + action + "]}";
                String body = "payload=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);
                String ts = Long.toString(System.currentTimeMillis() / 1000);
                try {
                    return web.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + chat.port() + "/api/v1/chatops/slack/interactions"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", "v0=" + new dev.taproot.api.security.SlackSignature(secret)
                                    .sign(ts, body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            assertThat(click.apply("UONCALL", "{\"action_id\":\"propose_action\",\"value\":\"d-9|scale|shop|payment\"}")).isEqualTo(200);
            JsonNode dryRun = JSON.readTree(slack.next(30).body());
            assertThat(dryRun.toString()).contains("Dry run").contains("replicas: 2 -&gt; 3").contains("slack:UONCALL")
                    .contains("scale deployment/payment --replicas=3");
            String id = dryRun.path("blocks").path(1).path("elements").path(0).path("value").asText();
            assertThat(payment().getSpec().getReplicas()).isEqualTo(2);

            assertThat(click.apply("UONCALL", "{\"action_id\":\"approve_action\",\"value\":\"" + id + "\"}")).isEqualTo(200);
            assertThat(slack.next(30).body()).contains("Only the Slack users listed in chatops.slack.admins").contains("Nothing was run");
            assertThat(payment().getSpec().getReplicas()).as("not an admin: nothing runs").isEqualTo(2);

            assertThat(click.apply("UBOSS01", "{\"action_id\":\"approve_action\",\"value\":\"" + id + "\"}")).isEqualTo(200);
            assertThat(slack.next(30).body()).contains("Done").contains("slack:UBOSS01");
            assertThat(payment().getSpec().getReplicas()).isEqualTo(3);
            assertThat(taproot.store().signals(List.of("service/payment"), Instant.EPOCH, Instant.now().plusSeconds(60)))
                    .singleElement().satisfies(c -> assertThat(c.attributes()).containsEntry("approvedBy", "slack:UBOSS01:u")
                            .containsEntry("proposedBy", "slack:UONCALL:u").containsEntry("diagnosis", "d-9"));
            assertThat(click.apply("UONCALL", "{\"action_id\":\"propose_action\",\"value\":\"not-four-parts\"}")).isEqualTo(400);
        }
    }
}
