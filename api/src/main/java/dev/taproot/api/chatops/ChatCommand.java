package dev.taproot.api.chatops;

import java.util.Locale;

/**
 * One chat command: {@code why <service | alert | text>}, {@code similar <text>},
 * {@code blast <entity>}, {@code health <service>} or {@code help}.
 *
 * @param verb     what to do
 * @param argument the rest of the text (may be empty)
 */
public record ChatCommand(Verb verb, String argument) {

    /** The command words. */
    public enum Verb { WHY, SIMILAR, BLAST, HEALTH, HELP }

    /** Parses the text after the slash command; anything unknown becomes {@code help}. */
    public static ChatCommand parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new ChatCommand(Verb.HELP, "");
        }
        int space = t.indexOf(' ');
        String word = (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : t.substring(space + 1).strip();
        return switch (word) {
            case "why", "analyse", "analyze", "rca" -> new ChatCommand(Verb.WHY, rest);
            case "similar", "like" -> new ChatCommand(Verb.SIMILAR, rest);
            case "blast", "impact" -> new ChatCommand(Verb.BLAST, rest);
            case "health", "status" -> new ChatCommand(Verb.HEALTH, rest);
            case "help", "?" -> new ChatCommand(Verb.HELP, "");
            default -> new ChatCommand(Verb.HELP, t);
        };
    }

    /** The usage text every front end shows for {@code help}. */
    public static String usage(String slash) {
        return slash + " why <service | alert | text>  - the most likely root causes, their evidence and similar past incidents\n"
                + slash + " similar <text>  - past incidents like this, with their resolutions\n"
                + slash + " blast <entity>  - everything that depends on an entity\n"
                + slash + " health <service>  - health score 0-100 and what lowered it\n"
                + slash + " help  - this text";
    }
}
