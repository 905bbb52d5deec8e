package dev.taproot.ingest.logs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Severity names from OTLP severity numbers and from the text of a line. */
public final class LogLevels {

    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\w.-])(FATAL|CRITICAL|SEVERE|PANIC|EMERG|ERROR|ERR|WARNING|WARN|NOTICE|INFO|DEBUG|TRACE)(?![\\w-])",
            Pattern.CASE_INSENSITIVE);

    private LogLevels() {
    }

    /** OTLP SeverityNumber (1-24) to a level name; null for 0 / unspecified. */
    public static String ofNumber(int n) {
        if (n <= 0) {
            return null;
        }
        if (n <= 4) {
            return "TRACE";
        }
        if (n <= 8) {
            return "DEBUG";
        }
        if (n <= 12) {
            return "INFO";
        }
        if (n <= 16) {
            return "WARN";
        }
        return n <= 20 ? "ERROR" : "FATAL";
    }

    /** Normalises a level name ({@code warning -> WARN}, {@code err -> ERROR}). */
    public static String normalise(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        String l = level.trim().toUpperCase(Locale.ROOT);
        return switch (l) {
            case "WARNING" -> "WARN";
            case "ERR", "EXCEPTION" -> "ERROR";
            case "CRIT" -> "CRITICAL";
            default -> l;
        };
    }

    /** The first level word within the first 120 characters of a line, or null. */
    public static String inText(String line) {
        Matcher m = IN_TEXT.matcher(line.length() > 120 ? line.substring(0, 120) : line);
        return m.find() ? normalise(m.group(1)) : null;
    }
}
