package dev.taproot.api.chatops;

import java.util.List;
import java.util.Map;

/**
 * ChatOps settings, from the environment.
 *
 * @param slackSigningSecret    Slack app signing secret ({@code TAPROOT_SLACK_SIGNING_SECRET}); Slack endpoints are off without it
 * @param mattermostToken       the slash command token Mattermost sends ({@code TAPROOT_MATTERMOST_TOKEN}); off without it
 * @param slackWebhookUrl       incoming-webhook URL the Alertmanager receiver posts to ({@code TAPROOT_SLACK_WEBHOOK_URL}); off without it
 * @param responseUrlPrefixes   where a Slack {@code response_url} may point ({@code TAPROOT_SLACK_RESPONSE_URL_PREFIXES}, comma-separated)
 * @param explorerUrl           base URL of the explorer page for links in answers ({@code TAPROOT_PUBLIC_URL}), or null
 */
public record ChatOpsConfig(String slackSigningSecret, String mattermostToken, String slackWebhookUrl,
                            List<String> responseUrlPrefixes, String explorerUrl) {

    /** Slack's own hosts: the only default target of response URLs. */
    public static final List<String> DEFAULT_RESPONSE_URL_PREFIXES = List.of("https://hooks.slack.com/");

    public ChatOpsConfig {
        responseUrlPrefixes = responseUrlPrefixes == null || responseUrlPrefixes.isEmpty()
                ? DEFAULT_RESPONSE_URL_PREFIXES : List.copyOf(responseUrlPrefixes);
    }

    public static ChatOpsConfig fromEnvironment(Map<String, String> env) {
        String prefixes = env.get("TAPROOT_SLACK_RESPONSE_URL_PREFIXES");
        return new ChatOpsConfig(blankToNull(env.get("TAPROOT_SLACK_SIGNING_SECRET")),
                blankToNull(env.get("TAPROOT_MATTERMOST_TOKEN")), blankToNull(env.get("TAPROOT_SLACK_WEBHOOK_URL")),
                prefixes == null ? List.of() : List.of(prefixes.split(",")).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                blankToNull(env.get("TAPROOT_PUBLIC_URL")));
    }

    public static ChatOpsConfig disabled() {
        return new ChatOpsConfig(null, null, null, List.of(), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
