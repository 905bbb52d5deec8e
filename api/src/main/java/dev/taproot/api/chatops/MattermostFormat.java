package dev.taproot.api.chatops;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a {@link ChatAnswer} as a Mattermost slash-command response (markdown text). */
public final class MattermostFormat {

    private MattermostFormat() {
    }

    public static Map<String, Object> message(ChatAnswer a) {
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
        var message = new LinkedHashMap<String, Object>();
        message.put("response_type", "in_channel");
        message.put("text", text.toString().strip());
        return message;
    }
}
