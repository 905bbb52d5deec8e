package dev.taproot.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.chatops.ChatAnswer;
import dev.taproot.api.chatops.ChatCommand;
import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.QuietAction;
import dev.taproot.api.config.NotifyConfig.QuietHours;
import dev.taproot.api.config.NotifyConfig.Route;
import dev.taproot.api.config.NotifyConfig;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Candidate;
import dev.taproot.rules.evidence.Evidence;

/** The pure parts: reading an Alertmanager group, deciding per destination, telling a change-caused failure. */
class NotifyRoutingTest {

    static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    @Test
    void anAlertGroupIsReadWithItsHighestFiringSeverityAndLabels() throws Exception {
        var payload = new ObjectMapper().readTree("""
                {"groupKey": "{}:{namespace=\\"payments\\"}", "status": "firing",
                 "commonLabels": {"namespace": "payments"},
                 "alerts": [
                   {"status": "firing", "labels": {"alertname": "A", "severity": "warning", "service": "cart", "team": "shop"}},
                   {"status": "resolved", "labels": {"alertname": "B", "severity": "critical"}},
                   {"status": "firing", "labels": {"alertname": "C", "severity": "Error", "namespace": "payments"}}]}
                """);
        AlertGroup g = AlertGroup.of(payload, NOON);
        assertThat(g.firing()).isTrue();
        assertThat(g.severity()).as("the resolved critical alert does not count").isEqualTo("error");
        assertThat(g.critical()).isFalse();
        assertThat(g.namespaces()).containsExactly("payments");
        assertThat(g.services()).containsExactly("cart");
        assertThat(g.teams()).containsExactly("shop");
        assertThat(g.groupKey()).isEqualTo("{}:{namespace=\"payments\"}");
        assertThat(AlertGroup.higher("none", "page")).as("an unknown severity beats none").isEqualTo("page");
        assertThat(AlertGroup.higher("page", "info")).isEqualTo("info");
        assertThat(AlertGroup.higher("warning", "critical")).isEqualTo("critical");
    }

    @Test
    void aDestinationTakesTheMostForwardVerdictOfItsMatchingRoutes() {
        var quiet = new QuietHours(ZoneOffset.UTC, LocalTime.of(11, 0), LocalTime.of(13, 0), QuietAction.HOLD);
        var router = new Router(List.of(
                route(Set.of("payments"), Set.of(), 0, quiet, "slack"),
                route(Set.of(), Set.of("critical"), 0, null, "slack", "pager"),
                route(Set.of(), Set.of(), 0.9, null, "teams")));
        var warning = notification("warning", Set.of("payments"), 0.5);
        var verdicts = router.route(warning, NOON);
        assertThat(verdicts.get("slack").decision()).isEqualTo(Router.Decision.HOLD);
        assertThat(verdicts.get("slack").releaseAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(verdicts).doesNotContainKey("pager");
        assertThat(verdicts.get("teams").decision()).isEqualTo(Router.Decision.BELOW_CONFIDENCE);
        var critical = notification("critical", Set.of("payments"), 0.95);
        verdicts = router.route(critical, NOON);
        assertThat(verdicts.get("slack").decision()).as("critical is never held").isEqualTo(Router.Decision.SEND);
        assertThat(verdicts.get("pager").decision()).isEqualTo(Router.Decision.SEND);
        assertThat(verdicts.get("teams").decision()).isEqualTo(Router.Decision.SEND);
        assertThat(router.route(notification("warning", Set.of("payments"), 0.5), NOON.plusSeconds(3600 * 2))
                .get("slack").decision()).as("after the window").isEqualTo(Router.Decision.SEND);
    }

    @Test
    void aResolutionIgnoresTheMinimumConfidenceAndMatchesOnItsKind() {
        var onlyDeploys = new Route("deploys", Set.of(), Set.of(), Set.of(), Set.of(), EnumSet.of(NotificationKind.DEPLOY_CAUSED),
                List.of("teams"), 0.9, null);
        var router = new Router(List.of(onlyDeploys, route(Set.of(), Set.of(), 0.9, null, "slack")));
        var resolved = notification("warning", Set.of(), 0.2).resolvedAt(NOON);
        var verdicts = router.route(resolved, NOON);
        assertThat(verdicts).doesNotContainKey("teams");
        assertThat(verdicts.get("slack").decision()).isEqualTo(Router.Decision.SEND);
    }

    @Test
    void aTopCauseIsChangeCausedByItsFaultTypeOrByAChangeRuleInItsEvidence() {
        var facts = new DiagnosisFacts(null, Vocabulary.standard());
        assertThat(facts.changeCaused(candidate("Deploy", "k8s.oom-killed-restarts"))).isTrue();
        assertThat(facts.changeCaused(candidate("ConfigChange", "x.y"))).isTrue();
        assertThat(facts.changeCaused(candidate("CrashLoopBackOff", "change.config-change-before-errors"))).isTrue();
        assertThat(facts.changeCaused(candidate("CrashLoopBackOff", "k8s.oom-killed-restarts"))).isFalse();
        assertThat(facts.changeCaused(null)).isFalse();
    }

    @Test
    void aKindIsNamedAsInTheConfiguration() {
        assertThat(NotificationKind.DEPLOY_CAUSED.id()).isEqualTo("deploy-caused");
        assertThat(NotificationKind.of("resolved")).isEqualTo(NotificationKind.RESOLVED);
    }

    static Candidate candidate(String faultType, String ruleId) {
        var link = Evidence.of(0.8, "rule", Evidence.Kind.CAUSAL_LINK, "a step", ruleId, List.of());
        return new Candidate("k8s/a/Deployment/b", "b", "Deployment", "k8s/a/Deployment/b", faultType, 0.7, 1,
                Evidence.of(0.7, "candidate", Evidence.Kind.CANDIDATE, null, null, List.of(link)));
    }

    static Route route(Set<String> namespaces, Set<String> severities, double minConfidence, QuietHours quiet, String... to) {
        return new Route("r", namespaces, Set.of(), Set.of(), severities, EnumSet.noneOf(NotificationKind.class), List.of(to),
                minConfidence, quiet);
    }

    static Notification notification(String severity, Set<String> namespaces, double confidence) {
        var answer = new ChatAnswer(ChatCommand.parse("why x"), "Why x", "", List.of(), List.of(), List.of(), "a1");
        return new Notification("taproot-0", EnumSet.of(NotificationKind.DIAGNOSIS), severity, namespaces, Set.of(), Set.of(),
                confidence, answer, 1, NOON);
    }
}
