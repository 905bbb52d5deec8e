package dev.taproot.api.chatops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ChatAnswer} for Mattermost: markdown text, and, when {@link MattermostActions} are
 * configured, one message attachment per cause with the <b>Confirm cause</b> / <b>Wrong cause</b>
 * buttons Slack answers have.
 */
public final class MattermostFormat {

    private MattermostFormat() {
    }

    /** A slash-command response without buttons. */
    public static Map<String, Object> message(ChatAnswer a) {
        return message(a, null);
    }

    /** A slash-command response (also an incoming-webhook body): {@code text} and, with buttons, {@code attachments}. */
    public static Map<String, Object> message(ChatAnswer a, MattermostActions actions) {
        var message = new LinkedHashMap<String, Object>();
        message.put("response_type", "in_channel");
        message.put("text", text(a));
        List<Map<String, Object>> attachments = attachments(a, actions);
        if (!attachments.isEmpty()) {
            message.put("attachments", attachments);
        }
        return message;
    }

    /** The answer as markdown. */
    public static String text(ChatAnswer a) {
        var text = new StringBuilder("#### ").append(a.title()).append('\n');
        if (!a.summary().isBlank()) {
            text.append(a.summary()).append('\n');
        }
        int rank = 1;
        for (ChatAnswer.Cause c : a.causes()) {
            text.append("\n**").append(rank++).append(". ").append(c.name()).append("**");
            if (c.faultType() != null) {
                text.append(" - ").append(c.faultType());
            }
            text.append(" · confidence ").append(ChatResponder.percent(c.confidence())).append('\n');
            c.evidence().forEach(line -> text.append("> ").append(line).append('\n'));
        }
        if (!a.incidents().isEmpty()) {
            text.append("\n**Similar past incidents**\n");
            for (ChatAnswer.PastIncident i : a.incidents()) {
                String id = i.link() != null && i.link().startsWith("http") ? "[" + i.id() + "](" + i.link() + ")" : i.id();
                text.append("- ").append(id).append(' ').append(i.title());
                if (i.resolution() != null && !i.resolution().isBlank()) {
                    text.append(" - resolution: ").append(i.resolution());
                }
                text.append('\n');
            }
        }
        a.lines().forEach(line -> text.append(line).append('\n'));
        return text.toString().strip();
    }

    /** One attachment per cause that may be confirmed, with its two buttons; none without actions or an analysis. */
    public static List<Map<String, Object>> attachments(ChatAnswer a, MattermostActions actions) {
        var out = new ArrayList<Map<String, Object>>();
        if (actions == null || a.analysisId() == null) {
            return out;
        }
        int rank = 1;
        for (ChatAnswer.Cause c : a.causes()) {
            if (!c.symptom()) {
                var attachment = new LinkedHashMap<String, Object>();
                attachment.put("fallback", "Cause " + rank + ": " + c.name());
                attachment.put("text", "Cause " + rank + ": **" + c.name() + "**");
                attachment.put("actions", List.of(
                        actions.button("Confirm cause", SlackBlocks.CONFIRM, a.analysisId(), c.entityKey(), "primary", rank),
                        actions.button("Wrong cause", SlackBlocks.WRONG, a.analysisId(), c.entityKey(), "danger", rank)));
                out.add(attachment);
            }
            rank++;
        }
        return out;
    }
}
