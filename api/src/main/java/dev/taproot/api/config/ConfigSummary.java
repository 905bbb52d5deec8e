package dev.taproot.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.graph.store.StoreConfig;
import dev.taproot.ingest.metrics.PrometheusSource;

/** A configuration described in a few lines for an operator; secrets are never shown, only whether they are set. */
public final class ConfigSummary {

    private ConfigSummary() {
    }

    public static List<String> lines(TaprootConfig c) {
        var out = new ArrayList<String>();
        StoreConfig s = c.store();
        out.add("store:    " + (s.isEmbedded()
                ? "embedded Neo4j in " + s.dataDir() + ", page cache " + s.pageCacheMb() + " MB, Bolt 127.0.0.1:" + s.boltPort()
                : "external Neo4j " + s.uri() + " as " + s.user() + " (password " + masked(s.password()) + "), database " + s.database())
                + "; index in " + c.indexDir());
        HttpConfig h = c.http();
        out.add("http:     " + h.scheme() + "://" + h.host() + ":" + h.port()
                + (h.tls() != null ? " (TLS keystore " + h.tls().keystore() + ")" : "")
                + (h.behindProxy() ? " behind a proxy" + (h.trustedProxies().isEmpty() ? "" : " (trusted: " + String.join(", ", h.trustedProxies()) + ")") : "")
                + (h.publicUrl() == null ? "" : ", public URL " + h.publicUrl()));
        var sec = c.security();
        out.add("security: " + sec.tokens().size() + (sec.tokens().size() == 1 ? " token" : " tokens")
                + (sec.openAccess() ? ", open access (loopback only)" : "")
                + (sec.acceptsNothing() ? " (an admin token is generated at each start)" : "")
                + ", rate limit " + sec.perMinute() + "/min, burst " + sec.burst());
        ChatOpsConfig ch = c.chatops();
        out.add("chatops:  slack " + (ch.slackSigningSecret() == null ? "off" : "on (signing secret ***)")
                + ", mattermost " + (ch.mattermostToken() == null ? "off" : "on (token ***)")
                + ", alert relay " + (ch.slackWebhookUrl() == null && !c.notifications().enabled() ? "off"
                        : "on (" + (ch.slackWebhookUrl() == null ? "" : "webhook ***" + (c.notifications().enabled() ? ", " : ""))
                        + (c.notifications().enabled() ? "notification routes" : "") + ")")
                + ", " + ch.workers() + " workers, queue " + ch.queue());
        out.add("rules:    " + (c.rulesDir() == null ? "built-in pack" : "built-in pack overridden by " + c.rulesDir()));
        out.add("compat:   " + (c.compatibilityFile() == null ? "no declared version pairs (learned pairs only)"
                : "version pairs declared in " + c.compatibilityFile() + ", and learned pairs"));
        if (c.prometheus().isEmpty() && c.telemetry().isEmpty()) {
            out.add("sources:  none");
        } else {
            var b = c.tunables().liveBaseline();
            out.add("sources:  each window compared with " + (b.kind() == dev.taproot.api.live.LiveBaseline.Kind.PRECEDING
                    ? "the " + b + " before it" : "the same window " + (b.toString().endsWith(" earlier") ? b : "a " + b + " earlier"))
                    + " (tunables.liveBaseline), within " + human(c.tunables().liveDeadline()));
        }
        for (PrometheusSource p : c.prometheus()) {
            out.add("sources:  prometheus '" + p.name() + "' " + p.url() + ", auth " + p.auth() + ", " + p.queries().size()
                    + " queries, deadline " + human(p.deadline()) + ", at most " + size(p.maxBytes()) + " a response");
        }
        for (var t : c.telemetry()) {
            var e = t.endpoint();
            out.add("sources:  " + e.label() + " " + e.url() + ", auth " + e.auth() + ", deadline " + human(e.deadline())
                    + ", at most " + size(e.maxBytes()) + " a response");
        }
        var n = c.notifications();
        out.add("notify:   " + (n.destinations().isEmpty() ? "off" : n.destinations().size()
                + (n.destinations().size() == 1 ? " destination (" : " destinations (")
                + String.join(", ", n.destinations().stream().map(Object::toString).toList()) + "), "
                + n.routes().size() + (n.routes().size() == 1 ? " route" : " routes")
                + ", tokens ***, " + n.workers() + " senders, timeout " + human(n.timeout()) + ", " + n.retries() + " retries"));
        out.add("tunables: request timeout " + human(c.tunables().requestTimeout()) + ", max body "
                + size(c.tunables().maxBodyBytes()));
        return out;
    }

    private static String masked(String secret) {
        return secret == null || secret.isEmpty() ? "none" : "***";
    }

    private static String size(long bytes) {
        for (String unit : new String[] {"GiB", "MiB", "KiB"}) {
            long scale = switch (unit) {
                case "GiB" -> 1L << 30;
                case "MiB" -> 1L << 20;
                default -> 1L << 10;
            };
            if (bytes >= scale && bytes % scale == 0) {
                return bytes / scale + " " + unit;
            }
        }
        return bytes + " bytes";
    }

    private static String human(java.time.Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
