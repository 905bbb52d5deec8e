package dev.taproot.api.config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * Where notifications go, from the {@code notifications} section of the configuration (see
 * {@code docs/configuration.md}): named destinations, the routes that pick them, and how sending runs.
 *
 * @param destinations Slack, Mattermost, Teams and webhook receivers, by name
 * @param routes       which notifications go to which destinations; every matching route sends
 * @param workers      threads that send ({@code notifications.workers}, default 2)
 * @param queue        sends that may wait for a thread ({@code notifications.queue}, default 256); past it a send is dropped and counted
 * @param timeout      the longest one HTTP call to a destination may take ({@code notifications.timeout}, default 10 s)
 * @param retries      further attempts after a failed call (connection error, 429 or 5xx; {@code notifications.retries}, default 2)
 */
public record NotifyConfig(List<Destination> destinations, List<Route> routes, int workers, int queue, Duration timeout,
                           int retries) {

    public static final int DEFAULT_WORKERS = 2;
    public static final int DEFAULT_QUEUE = 256;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RETRIES = 2;

    public NotifyConfig {
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        routes = routes == null ? List.of() : List.copyOf(routes);
        workers = workers < 1 ? DEFAULT_WORKERS : workers;
        queue = queue < 1 ? DEFAULT_QUEUE : queue;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        retries = Math.max(0, retries);
    }

    /** No destinations, no routes: nothing is sent. */
    public static NotifyConfig disabled() {
        return new NotifyConfig(List.of(), List.of(), DEFAULT_WORKERS, DEFAULT_QUEUE, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }

    /** Whether any route can send anything. */
    public boolean enabled() {
        return !destinations.isEmpty() && !routes.isEmpty();
    }

    /** The kinds of destination. */
    public enum Type {
        /** Slack Web API ({@code chat.postMessage}, {@code chat.update}) with a bot token: updated in place. */
        SLACK,
        /** Mattermost REST API (post, patch) with a bot token: updated in place; or an incoming webhook: opened, then one follow-up when resolved. */
        MATTERMOST,
        /** Microsoft Teams incoming webhook with an Adaptive Card: opened, then one follow-up when resolved. */
        TEAMS,
        /** Any HTTP receiver: every change as JSON carrying the same {@code groupKey}. */
        WEBHOOK
    }

    /**
     * One destination.
     *
     * @param name    how routes refer to it
     * @param type    what it is
     * @param url     Slack: the Web API base ({@code https://slack.com/api}); Mattermost API: the server; otherwise the URL posted to
     * @param token   the bot token (Slack, Mattermost API) or the bearer token a webhook is sent (optional); null for none
     * @param channel the channel (Slack channel id or name, Mattermost channel id); null for webhooks
     */
    public record Destination(String name, Type type, URI url, String token, String channel) {

        /** Whether a message once posted can be changed later (else a single follow-up says it resolved). */
        public boolean updatesInPlace() {
            return switch (type) {
                case SLACK, WEBHOOK -> true;
                case MATTERMOST -> token != null;
                case TEAMS -> false;
            };
        }

        @Override
        public String toString() {
            return type.name().toLowerCase() + " '" + name + "'";
        }
    }

    /**
     * A route: a notification matches when every field given matches (an empty set matches anything;
     * a field matches when any of the notification's values for it is listed).
     *
     * @param name          for logs (defaults to its position)
     * @param namespaces    Kubernetes namespaces
     * @param services      service names
     * @param teams         owning teams (Backstage {@code owner}) or the alerts' {@code team} label
     * @param severities    the group's highest {@code severity} label
     * @param kinds         {@code diagnosis}, {@code deploy-caused}, {@code resolved}
     * @param to            destination names
     * @param minConfidence diagnoses whose top cause is less confident are not sent
     * @param quietHours    when non-critical notifications are held or dropped; null for never
     */
    public record Route(String name, Set<String> namespaces, Set<String> services, Set<String> teams, Set<String> severities,
                        Set<NotificationKind> kinds, List<String> to, double minConfidence, QuietHours quietHours) {

        public Route {
            namespaces = Set.copyOf(namespaces);
            services = Set.copyOf(services);
            teams = Set.copyOf(teams);
            severities = Set.copyOf(severities);
            kinds = Set.copyOf(kinds);
            to = List.copyOf(to);
        }
    }

    /** What happens to a non-critical notification during quiet hours. */
    public enum QuietAction {
        /** Kept (the latest state of each failure) and sent when the window ends. */
        HOLD,
        /** Not sent; counted as skipped. */
        DROP
    }

    /**
     * A daily window in a time zone, such as 22:00 to 07:00 in Europe/Berlin (a start after the end
     * spans midnight).
     */
    public record QuietHours(ZoneId zone, LocalTime start, LocalTime end, QuietAction action) {

        /** Whether {@code at} falls in the window. */
        public boolean contains(Instant at) {
            LocalTime t = at.atZone(zone).toLocalTime();
            return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        }

        /** The first end of the window after {@code at} (when held notifications are sent). */
        public Instant endAfter(Instant at) {
            ZonedDateTime local = at.atZone(zone);
            ZonedDateTime candidate = local.toLocalDate().atTime(end).atZone(zone);
            return candidate.toInstant().isAfter(at) ? candidate.toInstant() : candidate.plusDays(1).toInstant();
        }
    }
}
