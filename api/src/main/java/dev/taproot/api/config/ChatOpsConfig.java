package dev.taproot.api.config;

import java.util.List;

/**
 * ChatOps settings, from the {@code chatops} section of the configuration (see {@code docs/configuration.md}).
 *
 * @param slackSigningSecret    Slack app signing secret ({@code TAPROOT_SLACK_SIGNING_SECRET}); Slack endpoints are off without it
 * @param mattermostToken       the slash command token Mattermost sends ({@code TAPROOT_MATTERMOST_TOKEN}); off without it
 * @param slackWebhookUrl       incoming-webhook URL the Alertmanager receiver posts to ({@code TAPROOT_SLACK_WEBHOOK_URL}); off without it
 * @param responseUrlPrefixes   where a Slack {@code response_url} may point ({@code TAPROOT_SLACK_RESPONSE_URL_PREFIXES}, comma-separated)
 * @param explorerUrl           base URL of the explorer page for links in answers ({@code TAPROOT_PUBLIC_URL}), or null
 * @param workers               threads that compute answers ({@code TAPROOT_CHATOPS_WORKERS}, default 8)
 * @param queue                 questions that may wait for a worker ({@code TAPROOT_CHATOPS_QUEUE}, default 64); past
 *                              that, Taproot answers that it is busy instead of queueing work it would finish too late
 */
public record ChatOpsConfig(String slackSigningSecret, String mattermostToken, String slackWebhookUrl,
                            List<String> responseUrlPrefixes, String explorerUrl, int workers, int queue,
                            List<String> slackAdmins) {

    public static final int DEFAULT_WORKERS = 8;
    /**
     * The largest body Slack and Mattermost endpoints read, checked before the signature or token is.
     * A slash command is a few hundred bytes; an interaction echoes the message that carried the
     * button, and Taproot's answers are at most about ten sections of 2,900 characters, which URL- and
     * JSON-encoding can triple (about 90 KB). 256 KiB leaves room for that and bounds what an
     * unauthenticated caller makes the server hold: 250 request threads x 256 KiB = 64 MiB at worst.
     */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int DEFAULT_QUEUE = 64;

    /** Slack's own hosts: the only default target of response URLs. */
    public static final List<String> DEFAULT_RESPONSE_URL_PREFIXES = List.of("https://hooks.slack.com/");

    public ChatOpsConfig {
        slackAdmins = slackAdmins == null ? List.of() : List.copyOf(slackAdmins);
        responseUrlPrefixes = responseUrlPrefixes == null || responseUrlPrefixes.isEmpty()
                ? DEFAULT_RESPONSE_URL_PREFIXES : List.copyOf(responseUrlPrefixes);
        if (workers < 1) {
            throw new IllegalArgumentException("TAPROOT_CHATOPS_WORKERS must be at least 1, was " + workers);
        }
        if (queue < 1) {
            throw new IllegalArgumentException("TAPROOT_CHATOPS_QUEUE must be at least 1, was " + queue);
        }
    }

    /** Settings without Slack admins (nobody may approve actions from Slack). */
    public ChatOpsConfig(String slackSigningSecret, String mattermostToken, String slackWebhookUrl,
                         List<String> responseUrlPrefixes, String explorerUrl, int workers, int queue) {
        this(slackSigningSecret, mattermostToken, slackWebhookUrl, responseUrlPrefixes, explorerUrl, workers, queue, List.of());
    }

    /** The same settings with these Slack user ids allowed to approve actions (the admin role in Slack). */
    public ChatOpsConfig withSlackAdmins(List<String> admins) {
        return new ChatOpsConfig(slackSigningSecret, mattermostToken, slackWebhookUrl, responseUrlPrefixes, explorerUrl,
                workers, queue, admins);
    }

    /** The default worker pool and queue. */
    public ChatOpsConfig(String slackSigningSecret, String mattermostToken, String slackWebhookUrl,
                         List<String> responseUrlPrefixes, String explorerUrl) {
        this(slackSigningSecret, mattermostToken, slackWebhookUrl, responseUrlPrefixes, explorerUrl, DEFAULT_WORKERS,
                DEFAULT_QUEUE);
    }

    /** The same settings with another pool size and queue. */
    public ChatOpsConfig withCapacity(int workers, int queue) {
        return new ChatOpsConfig(slackSigningSecret, mattermostToken, slackWebhookUrl, responseUrlPrefixes, explorerUrl,
                workers, queue, slackAdmins);
    }

    public static ChatOpsConfig disabled() {
        return new ChatOpsConfig(null, null, null, List.of(), null);
    }
}
