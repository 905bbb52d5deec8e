package dev.taproot.api.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.taproot.api.chatops.ChatAnswer;
import dev.taproot.api.chatops.ChatCommand;
import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.Destination;
import dev.taproot.api.config.NotifyConfig.QuietAction;
import dev.taproot.api.config.NotifyConfig.QuietHours;
import dev.taproot.api.config.NotifyConfig.Route;
import dev.taproot.api.config.NotifyConfig.Type;
import dev.taproot.api.config.NotifyConfig;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.testing.FakeChatServer;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.testing.TestStores;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.evidence.Evidence;

/** The notifier against local receivers standing in for Slack, Mattermost, Teams and a webhook. */
class NotifierTest {

    static final String PAYMENTS = "k8s/payments/Deployment/paymentservice";
    static final String CHECKOUT = "k8s/shop/Deployment/checkoutservice";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static GraphStore store;
    static FakeChatServer chat;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @BeforeAll
    static void start() throws Exception {
        chat = new FakeChatServer();
        store = TestStores.embedded();
        store.clear();
        // the catalog says who owns paymentservice: a component of the same name, OWNED_BY a team
        store.upsertEntities(List.of(Entity.of(PAYMENTS, EntityTypes.DEPLOYMENT, "paymentservice"),
                Entity.of(CHECKOUT, EntityTypes.DEPLOYMENT, "checkoutservice"),
                Entity.of("component:default/paymentservice", EntityTypes.SERVICE, "paymentservice"),
                Entity.of("group:default/payments-team", EntityTypes.TEAM, "payments-team")));
        store.upsertRelationships(List.of(Relationship.of(RelationshipTypes.OWNED_BY, "component:default/paymentservice",
                "group:default/payments-team")));
    }

    @AfterAll
    static void stop() {
        chat.close();
    }

    @BeforeEach
    void clear() {
        chat.clear();
    }

    @Test
    void routesByNamespaceTeamSeverityAndKind() {
        var config = config(List.of(
                route(Set.of("payments"), Set.of(), Set.of(), Set.of(), "slack"),
                route(Set.of(), Set.of("payments-team"), Set.of("critical"), Set.of(), "mm-hook"),
                route(Set.of(), Set.of(), Set.of(), Set.of(NotificationKind.DEPLOY_CAUSED), "teams"),
                route(Set.of("shop"), Set.of(), Set.of(), Set.of(), "hook")), 0, null);
        try (var notifier = notifier(config)) {
            // payments, warning, not a deploy: the namespace route only (the team route wants critical)
            notifier.diagnosed(group("g-pay", "payments", "warning"), diagnosis(PAYMENTS, 0.8, "k8s.oom-killed-restarts"), answer());
            idle(notifier);
            assertThat(chat.to("/slack/chat.postMessage")).hasSize(1);
            assertThat(chat.to("/mm-hook")).isEmpty();
            assertThat(chat.to("/teams")).isEmpty();
            assertThat(chat.to("/hook")).isEmpty();
            chat.clear();
            // payments again, critical: the team (from the catalog's owner of paymentservice) route too
            notifier.diagnosed(group("g-pay-2", "other", "critical"), diagnosis("k8s/other/Deployment/x", 0.8, "k8s.x"), answer());
            idle(notifier);
            assertThat(chat.all()).as("no route matches namespace 'other' with an unowned cause").isEmpty();
            // same root cause as g-pay: the same failure, so Slack's message is updated; the team route opens its own
            notifier.diagnosed(group("g-pay-3", "payments", "critical"), diagnosis(PAYMENTS, 0.9, "k8s.oom-killed-restarts"), answer());
            idle(notifier);
            assertThat(chat.to("/mm-hook")).hasSize(1);
            assertThat(chat.to("/slack/chat.postMessage")).isEmpty();
            assertThat(chat.to("/slack/chat.update")).hasSize(1);
            chat.clear();
            // shop, caused by a deploy: the webhook (namespace) and Teams (kind deploy-caused)
            notifier.diagnosed(group("g-shop", "shop", "warning"), diagnosis(CHECKOUT, 0.7, "change.deploy-before-errors"), answer());
            idle(notifier);
            assertThat(chat.to("/hook")).hasSize(1);
            assertThat(chat.to("/hook").get(0).json().path("kinds").toString()).contains("deploy-caused").contains("diagnosis");
            assertThat(chat.to("/teams")).hasSize(1);
            assertThat(chat.to("/teams").get(0).json().at("/attachments/0/contentType").asText())
                    .isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(chat.to("/slack")).isEmpty();
        }
    }

    @Test
    void oneFailureIsOneMessageUpdatedInPlaceUntilItResolves() {
        var config = config(List.of(route(Set.of(), Set.of(), Set.of(), Set.of(), "slack", "mm-api")), 0, null);
        try (var notifier = notifier(config)) {
            notifier.diagnosed(group("g1", "payments", "warning"), diagnosis(PAYMENTS, 0.8, "k8s.x"), answer());
            idle(notifier);
            // the same group again (Alertmanager re-sends it as alerts join): an update, not a new post
            notifier.diagnosed(group("g1", "payments", "warning"), diagnosis(PAYMENTS, 0.85, "k8s.x"), answer());
            idle(notifier);
            // another group whose diagnosis has the same root: the same failure, the same message
            notifier.diagnosed(group("g2", "payments", "critical"), diagnosis(PAYMENTS, 0.9, "k8s.x"), answer());
            idle(notifier);
            assertThat(chat.to("/slack/chat.postMessage")).hasSize(1);
            var updates = chat.to("/slack/chat.update");
            assertThat(updates).hasSize(2);
            assertThat(updates).allSatisfy(r -> {
                assertThat(r.json().path("channel").asText()).isEqualTo("C0001");
                assertThat(r.json().path("ts").asText()).isNotEmpty().isEqualTo(updates.get(0).json().path("ts").asText());
                assertThat(r.authorization()).isEqualTo("Bearer xoxb-test");
            });
            assertThat(updates.get(1).body()).contains("severity critical").contains("2 alert groups");
            assertThat(chat.to("/mm/api/v4/posts")).filteredOn(r -> r.method().equals("POST")).hasSize(1);
            assertThat(chat.to("/mm/api/v4/posts/post")).filteredOn(r -> r.method().equals("PUT")).hasSize(2);

            // one group resolving is not the failure resolving
            notifier.resolved(resolved("g1"));
            idle(notifier);
            assertThat(chat.to("/slack/chat.update")).hasSize(2);
            notifier.resolved(resolved("g2"));
            idle(notifier);
            var last = chat.to("/slack/chat.update");
            assertThat(last).hasSize(3);
            assertThat(last.get(2).json().path("text").asText()).startsWith("Resolved: ");
            assertThat(chat.to("/slack/chat.postMessage")).hasSize(1);
            assertThat(chat.to("/mm/api/v4/posts/post")).filteredOn(r -> r.method().equals("PUT")).hasSize(3)
                    .last().satisfies(r -> assertThat(r.json().path("message").asText()).contains("Resolved: "));
            assertThat(notifier.counts().sent("slack")).isEqualTo(4);
        }
    }

    @Test
    void destinationsThatCannotUpdateGetOneFollowUpWithTheGroupKey() {
        var config = config(List.of(route(Set.of(), Set.of(), Set.of(), Set.of(), "teams", "mm-hook", "hook")), 0, null);
        try (var notifier = notifier(config)) {
            notifier.diagnosed(group("g1", "shop", "warning"), diagnosis(CHECKOUT, 0.8, "k8s.x"), answer());
            idle(notifier);
            notifier.diagnosed(group("g1", "shop", "warning"), diagnosis(CHECKOUT, 0.8, "k8s.x"), answer());
            idle(notifier);
            notifier.resolved(resolved("g1"));
            idle(notifier);
            var teams = chat.to("/teams");
            assertThat(teams).hasSize(2);
            assertThat(teams.get(1).body()).contains("Resolved: ").contains("taproot-");
            assertThat(chat.to("/mm-hook")).hasSize(2);
            assertThat(chat.to("/mm-hook").get(1).json().path("text").asText()).contains("Resolved: ");
            // a webhook receiver gets every state, all with the same group key
            var hook = chat.to("/hook");
            assertThat(hook).extracting(r -> r.json().path("event").asText()).containsExactly("opened", "updated", "resolved");
            assertThat(hook).extracting(r -> r.json().path("groupKey").asText()).containsOnly(hook.get(0).json().path("groupKey").asText());
            assertThat(hook.get(0).authorization()).isEqualTo("Bearer hook-token");
        }
    }

    @Test
    void quietHoursHoldNonCriticalNotificationsUntilTheWindowEnds() {
        var quiet = new QuietHours(BERLIN, LocalTime.of(22, 0), LocalTime.of(7, 0), QuietAction.HOLD);
        clock.set(Instant.parse("2026-03-02T22:30:00Z")); // 23:30 in Berlin
        try (var notifier = notifier(config(List.of(route(Set.of(), Set.of(), Set.of(), Set.of(), "slack")), 0, quiet))) {
            notifier.diagnosed(group("night", "payments", "warning"), diagnosis(PAYMENTS, 0.8, "k8s.x"), answer());
            notifier.diagnosed(group("night-critical", "shop", "critical"), diagnosis(CHECKOUT, 0.8, "k8s.y"), answer());
            idle(notifier);
            assertThat(chat.to("/slack/chat.postMessage")).as("only the critical one goes out at night").hasSize(1);
            assertThat(notifier.counts().held()).isEqualTo(1);
            clock.set(Instant.parse("2026-03-03T05:59:00Z")); // 06:59 in Berlin: still quiet
            notifier.releaseHeld();
            idle(notifier);
            assertThat(chat.to("/slack/chat.postMessage")).hasSize(1);
            clock.set(Instant.parse("2026-03-03T06:00:30Z")); // 07:00:30 in Berlin
            notifier.releaseHeld();
            idle(notifier);
            assertThat(chat.to("/slack/chat.postMessage")).hasSize(2);
        }
    }

    @Test
    void aFailureThatResolvesWhileHeldIsSentOnceAsResolvedWhenTheWindowEnds() {
        var quiet = new QuietHours(BERLIN, LocalTime.of(22, 0), LocalTime.of(7, 0), QuietAction.HOLD);
        clock.set(Instant.parse("2026-03-02T22:30:00Z"));
        var diagnosesOnly = new Route("diagnoses", Set.of("shop"), Set.of(), Set.of(), Set.of(), EnumSet.of(NotificationKind.DIAGNOSIS),
                List.of("hook"), 0, quiet);
        var slackRoute = config(List.of(route(Set.of("payments"), Set.of(), Set.of(), Set.of(), "slack")), 0, quiet);
        var config = new NotifyConfig(slackRoute.destinations(), List.of(slackRoute.routes().get(0), diagnosesOnly), 2, 16,
                Duration.ofSeconds(5), 2);
        try (var notifier = notifier(config)) {
            notifier.diagnosed(group("night", "payments", "warning"), diagnosis(PAYMENTS, 0.8, "k8s.x"), answer());
            notifier.diagnosed(group("night-shop", "shop", "warning"), diagnosis(CHECKOUT, 0.8, "k8s.y"), answer());
            notifier.resolved(resolved("night"));
            notifier.resolved(resolved("night-shop"));
            clock.set(Instant.parse("2026-03-03T06:30:00Z"));
            notifier.releaseHeld();
            idle(notifier);
            // Slack gets one message, already resolved; the webhook's route does not send resolutions, so its held diagnosis is dropped
            var posts = chat.to("/slack/chat.postMessage");
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).json().path("text").asText()).startsWith("Resolved: ");
            assertThat(chat.to("/slack/chat.update")).isEmpty();
            assertThat(chat.to("/hook")).isEmpty();
        }
    }

    @Test
    void quietHoursCanDropInstead() {
        var quiet = new QuietHours(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(12, 0), QuietAction.DROP);
        try (var notifier = notifier(config(List.of(route(Set.of(), Set.of(), Set.of(), Set.of(), "slack")), 0, quiet))) {
            notifier.diagnosed(group("day", "payments", "warning"), diagnosis(PAYMENTS, 0.8, "k8s.x"), answer());
            clock.set(Instant.parse("2026-03-02T13:00:00Z"));
            notifier.releaseHeld();
            idle(notifier);
            assertThat(chat.all()).isEmpty();
            assertThat(notifier.counts().skipped(NotifyCounts.QUIET_HOURS)).isEqualTo(1);
        }
    }

    @Test
    void diagnosesBelowTheMinimumConfidenceAreNotSent() {
        try (var notifier = notifier(config(List.of(route(Set.of(), Set.of(), Set.of(), Set.of(), "slack")), 0.6, null))) {
            notifier.diagnosed(group("weak", "payments", "critical"), diagnosis(PAYMENTS, 0.4, "k8s.x"), answer());
            idle(notifier);
            assertThat(chat.all()).isEmpty();
            assertThat(notifier.counts().skipped(NotifyCounts.BELOW_CONFIDENCE)).isEqualTo(1);
            notifier.diagnosed(group("strong", "shop", "critical"), diagnosis(CHECKOUT, 0.7, "k8s.x"), answer());
            idle(notifier);
            assertThat(chat.to("/slack/chat.postMessage")).hasSize(1);
            // nothing was shown for the weak one, so its resolution is not sent either
            notifier.resolved(resolved("weak"));
            idle(notifier);
            assertThat(chat.all()).hasSize(1);
        }
    }

    @Test
    void failedSendsAreRetriedALimitedNumberOfTimesThenCountedNeverThrown() {
        try (var notifier = notifier(config(List.of(route(Set.of(), Set.of(), Set.of(), Set.of(), "hook")), 0, null))) {
            chat.failNext(1);
            notifier.diagnosed(group("flaky", "shop", "warning"), diagnosis(CHECKOUT, 0.8, "k8s.x"), answer());
            idle(notifier);
            assertThat(chat.to("/hook")).hasSize(2);
            assertThat(notifier.counts().sent("hook")).isEqualTo(1);
            chat.clear();
            chat.failNext(10);
            assertThatCode(() -> notifier.diagnosed(group("down", "payments", "warning"), diagnosis(PAYMENTS, 0.8, "k8s.z"),
                    answer())).doesNotThrowAnyException();
            idle(notifier);
            assertThat(chat.to("/hook")).as("one attempt and two retries").hasSize(3);
            assertThat(notifier.counts().failed("hook")).isEqualTo(1);
            chat.failNext(0);
        }
    }

    // ---- fixtures

    Notifier notifier(NotifyConfig config) {
        return new Notifier(config, store, Vocabulary.standard(), null, clock, Duration.ofMillis(20));
    }

    static void idle(Notifier n) {
        assertThat(n.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    static NotifyConfig config(List<Route> routes, double minConfidence, QuietHours quiet) {
        var destinations = List.of(
                new Destination("slack", Type.SLACK, URI.create(chat.url("/slack")), "xoxb-test", "C0001"),
                new Destination("mm-api", Type.MATTERMOST, URI.create(chat.url("/mm")), "mm-bot-token", "chan1"),
                new Destination("mm-hook", Type.MATTERMOST, URI.create(chat.url("/mm-hook/abc")), null, null),
                new Destination("teams", Type.TEAMS, URI.create(chat.url("/teams/webhook")), null, null),
                new Destination("hook", Type.WEBHOOK, URI.create(chat.url("/hook")), "hook-token", null));
        var withFilters = routes.stream().map(r -> new Route(r.name(), r.namespaces(), r.services(), r.teams(), r.severities(),
                r.kinds(), r.to(), minConfidence, quiet)).toList();
        return new NotifyConfig(destinations, withFilters, 2, 16, Duration.ofSeconds(5), 2);
    }

    static Route route(Set<String> namespaces, Set<String> teams, Set<String> severities, Set<NotificationKind> kinds,
                       String... to) {
        return new Route("test", namespaces, Set.of(), teams, severities,
                kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds), List.of(to), 0, null);
    }

    AlertGroup group(String key, String namespace, String severity) {
        return new AlertGroup(key, true, severity, Set.of(namespace), Set.of(), Set.of(), clock.instant());
    }

    AlertGroup resolved(String key) {
        return new AlertGroup(key, false, "none", Set.of(), Set.of(), Set.of(), clock.instant());
    }

    static Diagnosis diagnosis(String causeKey, double confidence, String ruleId) {
        String name = causeKey.substring(causeKey.lastIndexOf('/') + 1);
        var link = Evidence.of(0.8, "rule", Evidence.Kind.CAUSAL_LINK, "a step", ruleId, List.of());
        var evidence = Evidence.of(confidence, "candidate", Evidence.Kind.CANDIDATE, null, null, List.of(link));
        var cause = new Candidate(causeKey, name, EntityTypes.DEPLOYMENT, causeKey, "CrashLoopBackOff", confidence, 1, evidence);
        Instant end = Instant.parse("2026-03-02T10:00:00Z");
        var analysis = new Analysis(List.of(new Analysis.SymptomRef(causeKey, name, EntityTypes.DEPLOYMENT, "alert")), false,
                end.minusSeconds(1800), end, List.of(cause), List.of(), List.of(), false, "summary",
                new Analysis.Timings(0, 0, 0, 0, 0, 0, 0, 0));
        return new Diagnosis(UUID.randomUUID().toString(), end, new Diagnosis.Understood("why " + name + "?", causeKey, name, null, ""),
                analysis, List.of(), List.of(), List.of(), null);
    }

    static ChatAnswer answer() {
        return new ChatAnswer(ChatCommand.parse("why x"), "Why x: most likely y", "A summary.",
                List.of(new ChatAnswer.Cause("k8s/shop/Deployment/y", "y", "CrashLoopBackOff", 0.8, List.of("evidence"), false)),
                List.of(), List.of(), "analysis-1");
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
