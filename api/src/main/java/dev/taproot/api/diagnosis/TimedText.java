package dev.taproot.api.diagnosis;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a person typed, with an optional trailing {@code at <ISO-8601 UTC time>}: chat commands and
 * the explorer take "now" or that explicit instant, and say which.
 *
 * @param text the text without the time
 * @param at   the explicit instant, or null for now
 */
public record TimedText(String text, Instant at) {

    private static final Pattern AT = Pattern.compile("(?i)^(.*?)\\s*\\bat\\s+(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)$");

    /** Splits {@code text} into its words and its explicit time, if any. */
    public static TimedText parse(String text) {
        String t = text == null ? "" : text.strip();
        var m = AT.matcher(t);
        if (m.matches()) {
            try {
                return new TimedText(m.group(1).strip(), Instant.parse(m.group(2)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + m.group(2) + "' is not an ISO-8601 UTC time");
            }
        }
        return new TimedText(t, null);
    }

    /** The explicit instant, or {@code now}. */
    public Instant atOr(Instant now) {
        return at == null ? now : at;
    }

    /** The diagnosis question this text asks: about what it names, ending at its time or now. */
    public DiagnoseRequest question() {
        return DiagnoseRequest.about(text).at(at);
    }
}
