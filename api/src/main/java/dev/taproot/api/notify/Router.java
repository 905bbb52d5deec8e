package dev.taproot.api.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.taproot.api.config.NotifyConfig.QuietAction;
import dev.taproot.api.config.NotifyConfig.Route;
import dev.taproot.api.config.NotifyConfig;

/**
 * Decides, for one notification, what happens at each destination: every route whose fields all match
 * speaks for its destinations, and a destination takes the most forward verdict any of its routes
 * gives (send, then hold, then drop).
 */
final class Router {

    /** What happens at one destination, from the most to the least forward. */
    enum Decision {
        SEND, HOLD, QUIET_DROP, BELOW_CONFIDENCE
    }

    /** A decision; {@code releaseAt} is when a held notification goes out (null unless held). */
    record Verdict(Decision decision, Instant releaseAt) {
    }

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The verdict per destination name, for the destinations of every matching route. */
    Map<String, Verdict> route(Notification n, Instant now) {
        var out = new LinkedHashMap<String, Verdict>();
        for (Route r : routes) {
            if (!matches(r, n)) {
                continue;
            }
            Verdict v = verdict(r, n, now);
            for (String dest : r.to()) {
                out.merge(dest, v, Router::better);
            }
        }
        return out;
    }

    static boolean matches(Route r, Notification n) {
        return any(r.namespaces(), n.namespaces()) && any(r.services(), n.services()) && any(r.teams(), n.teams())
                && (r.severities().isEmpty() || r.severities().contains(n.severity()))
                && (r.kinds().isEmpty() || n.kinds().stream().anyMatch(r.kinds()::contains));
    }

    private static Verdict verdict(Route r, Notification n, Instant now) {
        if (!n.resolved() && n.confidence() < r.minConfidence()) {
            return new Verdict(Decision.BELOW_CONFIDENCE, null);
        }
        if (r.quietHours() != null && !n.critical() && r.quietHours().contains(now)) {
            return r.quietHours().action() == QuietAction.HOLD
                    ? new Verdict(Decision.HOLD, r.quietHours().endAfter(now))
                    : new Verdict(Decision.QUIET_DROP, null);
        }
        return new Verdict(Decision.SEND, null);
    }

    private static Verdict better(Verdict a, Verdict b) {
        if (a.decision() != b.decision()) {
            return a.decision().ordinal() < b.decision().ordinal() ? a : b;
        }
        if (a.releaseAt() != null && b.releaseAt() != null) {
            return a.releaseAt().isBefore(b.releaseAt()) ? a : b;
        }
        return a;
    }

    private static boolean any(Set<String> wanted, Set<String> have) {
        return wanted.isEmpty() || have.stream().anyMatch(wanted::contains);
    }
}
