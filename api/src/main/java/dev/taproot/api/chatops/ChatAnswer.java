package dev.taproot.api.chatops;

import java.util.List;

/**
 * A chat answer, independent of the chat system: the front ends render it as Slack Block Kit,
 * Mattermost markdown or plain JSON.
 *
 * @param command   the command it answers
 * @param title     one line
 * @param summary   a few sentences, or empty
 * @param causes    root-cause candidates, most likely first (for {@code why})
 * @param incidents similar past incidents
 * @param lines     further lines (blast radius, health reasons, usage)
 * @param analysisId identifies the analysis in feedback buttons (null when there are no buttons)
 * @param actions   Kubernetes actions the diagnosis proposes (dry run first, an admin approves)
 */
public record ChatAnswer(ChatCommand command, String title, String summary, List<Cause> causes,
                         List<PastIncident> incidents, List<String> lines, String analysisId,
                         List<dev.taproot.api.actions.ProposedAction> actions) {

    /** An answer that proposes no action. */
    public ChatAnswer(ChatCommand command, String title, String summary, List<Cause> causes,
                      List<PastIncident> incidents, List<String> lines, String analysisId) {
        this(command, title, summary, causes, incidents, lines, analysisId, List.of());
    }

    public ChatAnswer {
        actions = actions == null ? List.of() : List.copyOf(actions);
        causes = List.copyOf(causes);
        incidents = List.copyOf(incidents);
        lines = List.copyOf(lines);
    }

    /**
     * One root-cause candidate with its evidence as a few sentences; {@code symptom} when it is one of
     * the symptoms asked about (listed, but not offered for confirmation as a cause).
     */
    public record Cause(String entityKey, String name, String faultType, double confidence, List<String> evidence,
                        boolean symptom) {
    }

    /** One similar past incident. */
    public record PastIncident(String id, String title, String resolution, String link, String why, double score) {
    }

    public static ChatAnswer text(ChatCommand command, String title, List<String> lines) {
        return new ChatAnswer(command, title, "", List.of(), List.of(), lines, null);
    }
}
