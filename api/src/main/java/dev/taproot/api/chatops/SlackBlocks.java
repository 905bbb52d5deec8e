package dev.taproot.api.chatops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ChatAnswer} as a Slack Block Kit message: a header, the summary, each cause with
 * its confidence and evidence chain and the buttons <b>Confirm cause</b> / <b>Wrong cause</b>, then the
 * similar past incidents with their resolutions and links and a <b>This incident helped</b> button.
 */
public final class SlackBlocks {

    /** Action ids of the feedback buttons (the interactivity endpoint dispatches on them). */
    public static final String CONFIRM = "confirm_cause";
    /** Dry-run a proposed action; its value is {@code analysis|kind|namespace|target}. */
    public static final String PROPOSE = "propose_action";
    /** Approve (admins) or reject a proposed action; the value is the action id. */
    public static final String APPROVE = "approve_action";
    public static final String REJECT = "reject_action";
    public static final String WRONG = "wrong_cause";
    public static final String HELPED = "incident_helped";

    private SlackBlocks() {
    }

    /** The message body ({@code response_type} in_channel, fallback {@code text}, {@code blocks}). */
    public static Map<String, Object> message(ChatAnswer a) {
        var blocks = new ArrayList<Object>();
        blocks.add(Map.of("type", "header", "text", plain(clip(a.title(), 150))));
        if (!a.summary().isBlank()) {
            blocks.add(section(clip(escape(a.summary()), 2900)));
        }
        int rank = 1;
        for (ChatAnswer.Cause c : a.causes()) {
            var text = new StringBuilder("*").append(rank).append(". ").append(escape(c.name())).append("*");
            if (c.faultType() != null) {
                text.append(" - ").append(escape(c.faultType()));
            }
            text.append("  ·  confidence ").append(ChatResponder.percent(c.confidence()));
            if (c.symptom()) {
                text.append("  ·  _the symptom itself_");
            }
            for (String line : c.evidence()) {
                text.append("\n> ").append(escape(clip(line, 280)));
            }
            blocks.add(section(clip(text.toString(), 2900)));
            if (a.analysisId() != null && !c.symptom()) {
                blocks.add(Map.of("type", "actions", "block_id", "cause-" + rank, "elements", List.of(
                        button("Confirm cause", CONFIRM, a.analysisId(), c.entityKey(), "primary"),
                        button("Wrong cause", WRONG, a.analysisId(), c.entityKey(), "danger"))));
            }
            rank++;
        }
        if (a.analysisId() != null && !a.actions().isEmpty()) {
            blocks.add(section("*Proposed actions*: a dry run shows what each would change; it runs only when a Slack admin approves"));
            var buttons = new ArrayList<Object>();
            for (var x : a.actions()) {
                buttons.add(button("Dry run: " + x.kind() + " " + x.target(), PROPOSE, a.analysisId(),
                        x.kind() + "|" + (x.namespace() == null ? "" : x.namespace()) + "|" + x.target(), null));
            }
            blocks.add(Map.of("type", "actions", "block_id", "actions", "elements", buttons));
        }
        if (!a.incidents().isEmpty()) {
            blocks.add(Map.of("type", "divider"));
            blocks.add(section("*Similar past incidents*"));
            for (ChatAnswer.PastIncident i : a.incidents()) {
                String id = i.link() != null && i.link().startsWith("http") ? "<" + i.link() + "|" + escape(i.id()) + ">" : escape(i.id());
                var text = new StringBuilder("*").append(id).append("* ").append(escape(i.title()));
                if (i.resolution() != null && !i.resolution().isBlank()) {
                    text.append("\nResolution: ").append(escape(clip(i.resolution(), 600)));
                }
                if (i.why() != null && !i.why().isBlank()) {
                    text.append("\n_matched ").append(escape(clip(i.why(), 200))).append("_");
                }
                var block = new LinkedHashMap<String, Object>(section(clip(text.toString(), 2900)));
                if (a.analysisId() != null) {
                    block.put("accessory", button("This incident helped", HELPED, a.analysisId(), i.id(), null));
                }
                blocks.add(block);
            }
        }
        if (!a.lines().isEmpty()) {
            blocks.add(section(clip(escape(String.join("\n", a.lines())), 2900)));
        }
        if (a.analysisId() != null) {
            blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                    "text", "Taproot · analysis " + a.analysisId()))));
        }
        var message = new LinkedHashMap<String, Object>();
        message.put("response_type", "in_channel");
        message.put("text", a.title());
        message.put("blocks", blocks);
        return message;
    }

    /** The dry run of a proposed action, with Approve and Reject buttons. */
    public static Map<String, Object> dryRun(dev.taproot.api.actions.ActionDesk.Action x) {
        var text = new StringBuilder("*Dry run* of `").append(escape(x.command())).append("` (proposed by ")
                .append(escape(x.proposedBy())).append("):");
        x.dryRun().forEach(l -> text.append("\n> ").append(escape(clip(l, 280))));
        var approve = button("Approve and run", APPROVE, x.id(), "danger");
        var reject = button("Reject", REJECT, x.id(), null);
        var message = new LinkedHashMap<String, Object>();
        message.put("response_type", "in_channel");
        message.put("replace_original", false);
        message.put("text", "Dry run of " + x.command());
        message.put("blocks", List.of(section(clip(text.toString(), 2900)),
                Map.of("type", "actions", "block_id", "action-" + x.id(), "elements", List.of(approve, reject))));
        return message;
    }

    /** The value a feedback button carries: analysis id and subject. */
    static String buttonValue(String analysisId, String subject) {
        return analysisId + "|" + subject;
    }

    private static Map<String, Object> button(String label, String actionId, String analysisId, String subject, String style) {
        return button(label, actionId, buttonValue(analysisId, subject), style);
    }

    private static Map<String, Object> button(String label, String actionId, String value, String style) {
        var b = new LinkedHashMap<String, Object>();
        b.put("type", "button");
        b.put("text", plain(label));
        b.put("action_id", actionId);
        b.put("value", clip(value, 2000));
        if (style != null) {
            b.put("style", style);
        }
        return b;
    }

    private static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", mrkdwn));
    }

    private static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", text);
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
