package dev.taproot.api.config;

import dev.taproot.api.config.ChatOpsConfig;

/** Reads the {@code chatops} section: Slack, Mattermost, the Alertmanager relay's webhook, the worker pool. */
final class ChatOpsSection {

    private ChatOpsSection() {
    }

    static ChatOpsConfig read(ConfigSection chatops, HttpConfig http) {
        chatops.allow("slack", "mattermost", "workers", "queue");
        ConfigSection slack = chatops.section("slack");
        slack.allow("signingSecret", "signingSecretFile", "webhookUrl", "webhookUrlFile", "responseUrlPrefixes", "admins");
        ConfigSection mattermost = chatops.section("mattermost");
        mattermost.allow("token", "tokenFile");
        String signing = slack.secret("signingSecret", "signingSecretFile", "TAPROOT_SLACK_SIGNING_SECRET");
        String webhook = slack.secret("webhookUrl", "webhookUrlFile", "TAPROOT_SLACK_WEBHOOK_URL");
        if (webhook != null) {
            try {
                ConfigValues.httpUrl().apply(webhook);
            } catch (IllegalArgumentException e) {
                slack.error(slack.has("webhookUrlFile") ? "webhookUrlFile" : "webhookUrl", "must be an absolute http(s) URL");
            }
        }
        var prefixes = slack.strings("responseUrlPrefixes", "TAPROOT_SLACK_RESPONSE_URL_PREFIXES");
        String token = mattermost.secret("token", "tokenFile", "TAPROOT_MATTERMOST_TOKEN");
        int workers = chatops.value("workers", "TAPROOT_CHATOPS_WORKERS", ConfigValues.integer(1, 1024), ChatOpsConfig.DEFAULT_WORKERS);
        int queue = chatops.value("queue", "TAPROOT_CHATOPS_QUEUE", ConfigValues.integer(1, 1_000_000), ChatOpsConfig.DEFAULT_QUEUE);
        var admins = slack.strings("admins", "TAPROOT_SLACK_ADMINS");
        for (String a : admins) {
            if (!a.matches("[UW][A-Z0-9]{2,20}")) {
                slack.error("admins", "'" + a + "' is not a Slack user id (such as U024BE7LH)");
            }
        }
        return new ChatOpsConfig(signing, token, webhook, prefixes, http == null ? null : http.publicUrl(), workers, queue,
                admins);
    }
}
