package dev.taproot.api.notify;

import java.time.Instant;
import java.util.Set;

import dev.taproot.api.chatops.ChatAnswer;
import dev.taproot.api.config.NotificationKind;

/**
 * One state of one failure, as it is sent: the diagnosis (or its resolution) and the facts routes
 * match on. Every notification of a failure carries the same {@code groupKey}.
 *
 * @param groupKey   the failure's stable key (destinations that cannot update a message carry it)
 * @param kinds      {@code diagnosis} (with {@code deploy-caused} when the top cause is a deploy or config change), or {@code resolved}
 * @param severity   the highest severity of the failure's alerts
 * @param namespaces the alerts' namespaces and those of the symptom and top cause
 * @param services   the alerts' services and the symptom's and top cause's names
 * @param teams      the alerts' team labels and the catalog teams owning the symptom or top cause
 * @param confidence the top cause's confidence (0 when there is none)
 * @param answer     the diagnosis as a chat answer: title, summary, causes with evidence, similar incidents, buttons
 * @param alertGroups how many Alertmanager groups the failure has
 * @param at         when this state was reached
 */
public record Notification(String groupKey, Set<NotificationKind> kinds, String severity, Set<String> namespaces,
                           Set<String> services, Set<String> teams, double confidence, ChatAnswer answer, int alertGroups,
                           Instant at) {

    public Notification {
        kinds = Set.copyOf(kinds);
        namespaces = Set.copyOf(namespaces);
        services = Set.copyOf(services);
        teams = Set.copyOf(teams);
    }

    public boolean resolved() {
        return kinds.contains(NotificationKind.RESOLVED);
    }

    /** Whether quiet hours may hold or drop it. */
    public boolean critical() {
        return AlertGroup.CRITICAL.equals(severity);
    }

    /** The headline: the answer's title, marked when resolved. */
    public String title() {
        return (resolved() ? "Resolved: " : "") + answer.title();
    }

    /** One line on the state: status, severity, how many alert groups, the group key. */
    public String statusLine() {
        return (resolved() ? "Resolved at " + at : "Firing") + " · severity " + severity + " · " + alertGroups
                + (alertGroups == 1 ? " alert group" : " alert groups") + " · group " + groupKey;
    }

    /** The answer as shown: the title marked when resolved, the status line last. */
    public ChatAnswer shown() {
        var lines = new java.util.ArrayList<>(answer.lines());
        lines.add(statusLine());
        return new ChatAnswer(answer.command(), title(), answer.summary(), answer.causes(), answer.incidents(), lines,
                answer.analysisId());
    }

    /** This failure resolved at {@code when}: the same facts and answer, kind {@code resolved}. */
    public Notification resolvedAt(Instant when) {
        return new Notification(groupKey, Set.of(NotificationKind.RESOLVED), severity, namespaces, services, teams, confidence,
                answer, alertGroups, when);
    }
}
