package dev.taproot.api.notify;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a notification needs from one Alertmanager webhook (one alert group): its key, whether it is
 * firing or resolved, and the routing labels of its alerts.
 *
 * @param groupKey   Alertmanager's {@code groupKey} (stable for the group's life)
 * @param firing     false when the group resolved
 * @param severity   the highest {@code severity} label among its firing alerts (all alerts when resolved), lower case; {@code none} when no alert has one
 * @param namespaces the alerts' {@code namespace} labels
 * @param services   the alerts' {@code service} labels
 * @param teams      the alerts' {@code team} labels
 * @param receivedAt when Taproot received it
 */
public record AlertGroup(String groupKey, boolean firing, String severity, Set<String> namespaces, Set<String> services,
                         Set<String> teams, Instant receivedAt) {

    /** Severities from the most to the least urgent; anything else ranks below them. */
    static final String[] SEVERITY_ORDER = {"critical", "error", "high", "warning", "medium", "low", "info", "none"};
    /** The severity that quiet hours never hold back. */
    public static final String CRITICAL = "critical";

    public AlertGroup {
        namespaces = Set.copyOf(namespaces);
        services = Set.copyOf(services);
        teams = Set.copyOf(teams);
    }

    /** Reads an Alertmanager webhook payload (version 4). */
    public static AlertGroup of(JsonNode payload, Instant receivedAt) {
        boolean firing = !"resolved".equalsIgnoreCase(payload.path("status").asText("firing"));
        var namespaces = new LinkedHashSet<String>();
        var services = new LinkedHashSet<String>();
        var teams = new LinkedHashSet<String>();
        String severity = "none";
        for (JsonNode alert : payload.path("alerts")) {
            boolean alertFiring = !"resolved".equalsIgnoreCase(alert.path("status").asText("firing"));
            JsonNode labels = alert.path("labels");
            add(namespaces, labels.path("namespace"));
            add(services, labels.path("service"));
            add(teams, labels.path("team"));
            if (alertFiring || !firing) {
                severity = higher(severity, labels.path("severity").asText("none").strip().toLowerCase(Locale.ROOT));
            }
        }
        add(namespaces, payload.path("commonLabels").path("namespace"));
        add(teams, payload.path("commonLabels").path("team"));
        return new AlertGroup(payload.path("groupKey").asText("group"), firing, severity, namespaces, services, teams,
                receivedAt);
    }

    /** Whether quiet hours may hold or drop this group's notifications. */
    public boolean critical() {
        return CRITICAL.equals(severity);
    }

    private static void add(Set<String> into, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            into.add(value.asText().strip());
        }
    }

    static String higher(String a, String b) {
        return rank(b) < rank(a) ? b : a;
    }

    /** Lower is more urgent; an unknown severity ranks between {@code info} and {@code none}, an empty one last. */
    private static int rank(String severity) {
        for (int i = 0; i < SEVERITY_ORDER.length; i++) {
            if (SEVERITY_ORDER[i].equals(severity)) {
                return 2 * i;
            }
        }
        return severity.isEmpty() ? 2 * SEVERITY_ORDER.length : 2 * SEVERITY_ORDER.length - 3;
    }
}
