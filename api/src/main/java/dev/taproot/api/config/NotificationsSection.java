package dev.taproot.api.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.Destination;
import dev.taproot.api.config.NotifyConfig.QuietAction;
import dev.taproot.api.config.NotifyConfig.QuietHours;
import dev.taproot.api.config.NotifyConfig.Route;
import dev.taproot.api.config.NotifyConfig.Type;
import dev.taproot.api.config.NotifyConfig;

/**
 * Reads the {@code notifications} section: named destinations (Slack, Mattermost, Teams, webhook),
 * the routes that choose them (namespace, service, team, severity, kind), quiet hours and the minimum
 * confidence, and the sending pool. Each mistake is reported with its line and field; a route naming
 * an unknown destination is a mistake.
 */
final class NotificationsSection {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");
    static final String DEFAULT_SLACK_API = "https://slack.com/api";

    private NotificationsSection() {
    }

    static NotifyConfig read(ConfigSection n) {
        n.allow("destinations", "routes", "workers", "queue", "timeout", "retries");
        var destinations = new LinkedHashMap<String, Destination>();
        for (ConfigSection d : n.sections("destinations")) {
            Destination dest = destination(d, destinations.keySet());
            if (dest != null) {
                destinations.put(dest.name(), dest);
            }
        }
        var routes = new ArrayList<Route>();
        List<ConfigSection> routeSections = n.sections("routes");
        for (int i = 0; i < routeSections.size(); i++) {
            Route r = route(routeSections.get(i), i, destinations.keySet());
            if (r != null) {
                routes.add(r);
            }
        }
        if (!destinations.isEmpty() && routeSections.isEmpty()) {
            n.warning("destinations", "no route sends to these destinations; add notifications.routes");
        }
        int workers = n.value("workers", null, ConfigValues.integer(1, 64), NotifyConfig.DEFAULT_WORKERS);
        int queue = n.value("queue", null, ConfigValues.integer(1, 100_000), NotifyConfig.DEFAULT_QUEUE);
        Duration timeout = n.value("timeout", null, ConfigValues.duration(Duration.ofMinutes(2)), NotifyConfig.DEFAULT_TIMEOUT);
        int retries = n.value("retries", null, ConfigValues.integer(0, 10), NotifyConfig.DEFAULT_RETRIES);
        return new NotifyConfig(List.copyOf(destinations.values()), routes, workers, queue, timeout, retries);
    }

    private static Destination destination(ConfigSection d, Set<String> taken) {
        String name = d.value("name", null, ConfigValues.text(), null);
        if (name == null) {
            d.error("name", "required: how routes refer to this destination");
        } else if (!NAME.matcher(name).matches()) {
            d.error("name", "must be lower-case letters, digits, '-' or '_' (at most 63), was '" + name + "'");
            name = null;
        } else if (taken.contains(name)) {
            d.error("name", "another destination is already named '" + name + "'");
            name = null;
        }
        String typeName = d.value("type", null, ConfigValues.oneOf("slack", "mattermost", "teams", "webhook"), null);
        if (typeName == null) {
            if (!d.has("type")) {
                d.error("type", "required: slack, mattermost, teams or webhook");
            }
            d.allow("name", "type", "token", "tokenFile", "channel", "apiUrl", "url", "webhookUrl", "webhookUrlFile");
            return null;
        }
        Type type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        URI url = null;
        String token = null;
        String channel = null;
        switch (type) {
            case SLACK -> {
                d.allow("name", "type", "token", "tokenFile", "channel", "apiUrl");
                token = required(d, d.secret("token", "tokenFile", null), "token", "the bot token (xoxb-...) with chat:write");
                channel = required(d, d.value("channel", null, ConfigValues.text(), null), "channel", "the channel id (C0123...) to post to");
                url = d.value("apiUrl", null, ConfigValues.httpUrl(), URI.create(DEFAULT_SLACK_API));
            }
            case MATTERMOST -> {
                d.allow("name", "type", "url", "token", "tokenFile", "channel", "webhookUrl", "webhookUrlFile");
                boolean api = d.has("url") || d.has("token") || d.has("tokenFile") || d.has("channel");
                boolean hook = d.has("webhookUrl") || d.has("webhookUrlFile");
                if (api && hook) {
                    d.error(d.has("webhookUrl") ? "webhookUrl" : "webhookUrlFile",
                            "give either webhookUrl (an incoming webhook) or url, token and channel (the REST API), not both");
                } else if (hook) {
                    url = secretUrl(d, "webhookUrl", "webhookUrlFile");
                } else {
                    url = d.value("url", null, ConfigValues.httpUrl(), null);
                    if (!d.has("url")) {
                        d.error("url", "required: the Mattermost server's URL (or give webhookUrl for an incoming webhook)");
                    }
                    token = required(d, d.secret("token", "tokenFile", null), "token", "a bot's personal access token");
                    channel = required(d, d.value("channel", null, ConfigValues.text(), null), "channel", "the channel id to post to");
                }
            }
            case TEAMS -> {
                d.allow("name", "type", "webhookUrl", "webhookUrlFile");
                url = secretUrl(d, "webhookUrl", "webhookUrlFile");
            }
            case WEBHOOK -> {
                d.allow("name", "type", "url", "token", "tokenFile");
                url = d.value("url", null, ConfigValues.httpUrl(), null);
                if (!d.has("url")) {
                    d.error("url", "required: where the JSON is posted");
                }
                token = d.secret("token", "tokenFile", null);
            }
            default -> throw new IllegalStateException(type.name());
        }
        // a destination with a mistake is left out; the mistake, reported above, stops the load anyway
        return name == null || url == null ? null : new Destination(name, type, url, token, channel);
    }

    private static String required(ConfigSection d, String value, String key, String what) {
        if (value == null && !d.has(key) && !d.has(key + "File")) {
            d.error(key, "required: " + what);
        }
        return value;
    }

    private static URI secretUrl(ConfigSection d, String key, String fileKey) {
        String text = d.secret(key, fileKey, null);
        if (text == null) {
            if (!d.has(key) && !d.has(fileKey)) {
                d.error(key, "required: the incoming webhook's URL (or " + fileKey + ")");
            }
            return null;
        }
        try {
            return ConfigValues.httpUrl().apply(text);
        } catch (IllegalArgumentException e) {
            // the URL is a secret: the message does not echo it
            d.error(d.has(fileKey) ? fileKey : key, "must be an absolute http(s) URL");
            return null;
        }
    }

    private static Route route(ConfigSection r, int index, Set<String> destinations) {
        r.allow("name", "match", "to", "minConfidence", "quietHours");
        String name = r.value("name", null, ConfigValues.text(), "route " + index);
        ConfigSection match = r.section("match");
        match.allow("namespace", "service", "team", "severity", "kind");
        Set<String> namespaces = words(match, "namespace", false);
        Set<String> services = words(match, "service", false);
        Set<String> teams = words(match, "team", false);
        Set<String> severities = words(match, "severity", true);
        var kinds = EnumSet.noneOf(NotificationKind.class);
        for (String k : words(match, "kind", true)) {
            try {
                kinds.add(NotificationKind.of(k));
            } catch (IllegalArgumentException e) {
                match.error("kind", e.getMessage());
            }
        }
        List<String> to = new ArrayList<>(words(r, "to", false));
        if (to.isEmpty() && !r.has("to")) {
            r.error("to", "required: the destination names this route sends to");
        }
        for (String dest : to) {
            if (!destinations.contains(dest)) {
                r.error("to", "no destination is named '" + dest + "'" + (destinations.isEmpty() ? ""
                        : "; known: " + String.join(", ", destinations)));
            }
        }
        double minConfidence = r.value("minConfidence", null, NotificationsSection::confidence, 0.0);
        QuietHours quiet = r.has("quietHours") ? quietHours(r.section("quietHours")) : null;
        return new Route(name, namespaces, services, teams, severities, kinds, to, minConfidence, quiet);
    }

    /** A list of words, or one word; {@code lower} folds case (severities and kinds are compared in lower case). */
    private static Set<String> words(ConfigSection s, String key, boolean lower) {
        var out = new LinkedHashSet<String>();
        if (!s.has(key)) {
            return out;
        }
        List<String> values = s.isList(key) ? s.strings(key, null) : List.of(s.value(key, null, ConfigValues.text(), ""));
        var seen = new HashSet<String>();
        for (String v : values) {
            String w = lower ? v.strip().toLowerCase(Locale.ROOT) : v.strip();
            if (w.isEmpty()) {
                s.error(key, "must not list an empty value");
            } else if (!seen.add(w)) {
                s.error(key, "lists '" + w + "' twice");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static Double confidence(String s) {
        try {
            double d = Double.parseDouble(s.strip().endsWith("%") ? s.strip().substring(0, s.strip().length() - 1) : s.strip());
            d = s.strip().endsWith("%") ? d / 100 : d;
            if (d < 0 || d > 1 || Double.isNaN(d)) {
                throw new IllegalArgumentException("must be between 0 and 1 (or 0% and 100%), was '" + s + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number between 0 and 1 such as 0.6 (or 60%), was '" + s + "'");
        }
    }

    private static QuietHours quietHours(ConfigSection q) {
        q.allow("timezone", "start", "end", "action");
        ZoneId zone = q.value("timezone", null, s -> {
            try {
                return ZoneId.of(s.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("must be a time zone such as Europe/Berlin or UTC, was '" + s + "'");
            }
        }, null);
        if (!q.has("timezone")) {
            q.error("timezone", "required: the time zone the window is in, such as Europe/Berlin or UTC");
        }
        LocalTime start = q.value("start", null, NotificationsSection::time, null);
        LocalTime end = q.value("end", null, NotificationsSection::time, null);
        for (String key : new String[] {"start", "end"}) {
            if (!q.has(key)) {
                q.error(key, "required: a time of day such as 22:00");
            }
        }
        if (start != null && start.equals(end)) {
            q.error("end", "must differ from start");
        }
        String action = q.value("action", null, ConfigValues.oneOf("hold", "drop"), "hold");
        return zone == null || start == null || end == null || start.equals(end) ? null
                : new QuietHours(zone, start, end, QuietAction.valueOf(action.toUpperCase(Locale.ROOT)));
    }

    private static LocalTime time(String s) {
        if (!TIME.matcher(s.strip()).matches()) {
            throw new IllegalArgumentException("must be a time of day HH:MM such as 22:00, was '" + s + "'");
        }
        try {
            String t = s.strip();
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a time of day HH:MM such as 22:00, was '" + s + "'");
        }
    }
}
