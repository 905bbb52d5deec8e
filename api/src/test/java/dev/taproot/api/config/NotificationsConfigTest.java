package dev.taproot.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.QuietAction;
import dev.taproot.api.config.NotifyConfig.Type;
import dev.taproot.api.config.NotifyConfig;

/** The {@code notifications} section: read into {@link NotifyConfig}, every mistake named with its line and field. */
class NotificationsConfigTest {

    /** The yaml block of the operations guide's "Notifications" section (docs/operations.md). */
    static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "operations.md"));
        int section = readme.indexOf("\n### Notifications\n");
        assertThat(section).as("docs/operations.md has a Notifications section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @TempDir
    Path dir;

    private ConfigLoader.Result load(String yaml) throws IOException {
        Path file = dir.resolve("taproot.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of(), CommandLineOverrides.NONE);
    }

    private void secret(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theReadmeExampleIsReadIntoDestinationsAndRoutes() throws IOException {
        secret("slack-bot-token", "xoxb-1-2-3\n");
        secret("teams-webhook-url", "https://example.webhook.office.com/webhookb2/abc\n");
        var result = load(readmeExample());
        assertThat(result.problems()).isEmpty();
        NotifyConfig n = result.config().notifications();
        assertThat(n.enabled()).isTrue();
        assertThat(n.destinations()).extracting(NotifyConfig.Destination::name, NotifyConfig.Destination::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payments-slack", Type.SLACK),
                        org.assertj.core.groups.Tuple.tuple("oncall-teams", Type.TEAMS),
                        org.assertj.core.groups.Tuple.tuple("incident-bot", Type.WEBHOOK));
        var slack = n.destinations().get(0);
        assertThat(slack.token()).isEqualTo("xoxb-1-2-3");
        assertThat(slack.url().toString()).isEqualTo("https://slack.com/api");
        assertThat(slack.updatesInPlace()).isTrue();
        assertThat(n.destinations().get(1).updatesInPlace()).isFalse();
        var payments = n.routes().get(0);
        assertThat(payments.namespaces()).containsExactly("payments");
        assertThat(payments.teams()).containsExactly("payments-team");
        assertThat(payments.minConfidence()).isEqualTo(0.5);
        assertThat(payments.quietHours().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(payments.quietHours().start()).isEqualTo(LocalTime.of(22, 0));
        assertThat(payments.quietHours().action()).isEqualTo(QuietAction.HOLD);
        // 23:30 and 06:59 in Berlin are quiet, 07:00 is not; held notifications go out at the next 07:00
        assertThat(payments.quietHours().contains(Instant.parse("2026-03-02T22:30:00Z"))).isTrue();
        assertThat(payments.quietHours().contains(Instant.parse("2026-03-03T05:59:00Z"))).isTrue();
        assertThat(payments.quietHours().contains(Instant.parse("2026-03-03T06:00:00Z"))).isFalse();
        assertThat(payments.quietHours().endAfter(Instant.parse("2026-03-02T22:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T06:00:00Z"));
        assertThat(n.routes().get(1).kinds()).containsExactlyInAnyOrder(NotificationKind.DEPLOY_CAUSED, NotificationKind.RESOLVED);
        assertThat(n.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(n.retries()).isEqualTo(2);
        assertThat(ConfigSummary.lines(result.config())).anySatisfy(l -> assertThat(l).startsWith("notify:")
                .contains("3 destinations").contains("2 routes").doesNotContain("xoxb"));
    }

    @Test
    void everyMistakeIsNamedWithItsLineAndField() throws IOException {
        var result = load("""
                notifications:
                  destinations:
                    - name: chat
                      type: slack
                      channel: C1
                    - name: chat
                      type: teams
                      webhookUrl: not-a-url
                    - name: Bad Name
                      type: pager
                    - name: mm
                      type: mattermost
                      url: https://mm.example
                      webhookUrl: https://mm.example/hooks/x
                  routes:
                    - match:
                        namespace: [payments]
                        kind: [diagnosis, outage]
                        sevrity: [critical]
                      to: [chat, nowhere]
                      minConfidence: 1.5
                      quietHours:
                        timezone: Mars/Olympus
                        start: "25:00"
                        action: snooze
                    - match: {team: [a, a]}
                  retries: many
                """);
        assertThat(result.config()).isNull();
        assertThat(result.problems()).extracting(Object::toString).map(s -> s.substring(s.indexOf(':') + 1)).contains(
                "3: notifications.destinations[0].token: required: the bot token (xoxb-...) with chat:write",
                "6: notifications.destinations[1].name: another destination is already named 'chat'",
                "8: notifications.destinations[1].webhookUrl: must be an absolute http(s) URL",
                "9: notifications.destinations[2].name: must be lower-case letters, digits, '-' or '_' (at most 63), was 'Bad Name'",
                "10: notifications.destinations[2].type: must be one of slack, mattermost, teams, webhook, was 'pager'",
                "14: notifications.destinations[3].webhookUrl: give either webhookUrl (an incoming webhook) or url, token and channel"
                        + " (the REST API), not both",
                "18: notifications.routes[0].match.kind: must be one of diagnosis, deploy-caused, resolved, was 'outage'",
                "19: notifications.routes[0].match.sevrity: unknown field; did you mean 'severity'?",
                "20: notifications.routes[0].to: no destination is named 'nowhere'; known: chat",
                "21: notifications.routes[0].minConfidence: must be between 0 and 1 (or 0% and 100%), was '1.5'",
                "23: notifications.routes[0].quietHours.timezone: must be a time zone such as Europe/Berlin or UTC, was 'Mars/Olympus'",
                "24: notifications.routes[0].quietHours.start: must be a time of day HH:MM such as 22:00, was '25:00'",
                "25: notifications.routes[0].quietHours.action: must be one of hold, drop, was 'snooze'",
                "23: notifications.routes[0].quietHours.end: required: a time of day such as 22:00",
                "26: notifications.routes[1].match.team: lists 'a' twice",
                "26: notifications.routes[1].to: required: the destination names this route sends to",
                "27: notifications.retries: must be a whole number, was 'many'");
    }

    @Test
    void aSecretWebhookUrlIsNeverEchoed() throws IOException {
        var result = load("""
                notifications:
                  destinations:
                    - {name: t, type: teams, webhookUrl: "hooks.example/secret-part"}
                  routes:
                    - {to: [t]}
                """);
        assertThat(result.problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).contains("webhookUrl: must be an absolute http(s) URL"))
                .allSatisfy(p -> assertThat(p).doesNotContain("secret-part"));
    }

    @Test
    void destinationsWithoutRoutesDrawAWarning() throws IOException {
        var result = load("""
                notifications:
                  destinations:
                    - {name: hook, type: webhook, url: "https://bot.example/in"}
                """);
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warnings()).extracting(Object::toString)
                .anySatisfy(w -> assertThat(w).contains("notifications.destinations: warning: no route sends"));
        assertThat(result.config().notifications().enabled()).isFalse();
    }

    @Test
    void mattermostIsEitherTheRestApiOrAnIncomingWebhook() throws IOException {
        var result = load("""
                notifications:
                  destinations:
                    - {name: api, type: mattermost, url: "https://mm.example", token: bot-token, channel: chan1}
                    - {name: hook, type: mattermost, webhookUrl: "https://mm.example/hooks/abc"}
                  routes:
                    - {to: [api, hook], match: {severity: Critical}}
                """);
        assertThat(result.problems()).isEmpty();
        var d = result.config().notifications().destinations();
        assertThat(d.get(0).updatesInPlace()).isTrue();
        assertThat(d.get(1).updatesInPlace()).isFalse();
        assertThat(result.config().notifications().routes().get(0).severities()).containsExactly("critical");
        assertThat(List.of(d.get(0).token(), d.get(0).channel())).containsExactly("bot-token", "chan1");
    }
}
