package dev.taproot.api.mcp;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read by name and type. Every reader throws a
 * {@link ToolArgumentException} naming the argument when the value is missing or of the wrong kind,
 * and {@link #only} refuses names the tool does not know (a misspelt argument is never ignored).
 */
public final class ToolArguments {

    private final Map<String, Object> values;

    public ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** Refuses any argument outside {@code known}. */
    public ToolArguments only(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new ToolArgumentException(name, "unknown; this tool takes " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    /** Whether the argument was given (and is not null). */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** A string, or null when absent or blank. */
    public String text(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new ToolArgumentException(name, "expected a string, got " + kind(v));
        }
        return s.isBlank() ? null : s.strip();
    }

    /** A string that must be given. */
    public String requiredText(String name, String what) {
        String s = text(name);
        if (s == null) {
            throw new ToolArgumentException(name, "required: " + what);
        }
        return s;
    }

    /** A list of strings; a single string counts as a list of one. Empty when absent. */
    public List<String> texts(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.strip());
        }
        if (!(v instanceof List<?> list)) {
            throw new ToolArgumentException(name, "expected an array of strings, got " + kind(v));
        }
        var out = new ArrayList<String>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new ToolArgumentException(name, "expected an array of strings, found " + kind(item));
            }
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    public int integer(String name, int fallback, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ToolArgumentException(name, "expected a whole number between " + min + " and " + max + ", got " + kind(v));
        }
        if (n.doubleValue() < min || n.doubleValue() > max) {
            throw new ToolArgumentException(name, "must be between " + min + " and " + max + ", was " + n);
        }
        return n.intValue();
    }

    /** An ISO-8601 instant such as {@code 2026-01-15T10:05:00Z}, or null when absent. */
    public Instant instant(String name) {
        String s = text(name);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException(name, "not an ISO-8601 instant such as 2026-01-15T10:05:00Z: '" + s + "'");
        }
    }

    /** An ISO-8601 duration such as {@code PT30M}, or {@code fallback} when absent. */
    public Duration duration(String name, Duration fallback) {
        String s = text(name);
        if (s == null) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative() || d.isZero()) {
                throw new ToolArgumentException(name, "must be a positive duration, was " + s);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ToolArgumentException(name, "not an ISO-8601 duration such as PT30M: '" + s + "'");
        }
    }

    /** A JSON object, or an empty map when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ToolArgumentException(name, "expected an object, got " + kind(v));
        }
        return (Map<String, Object>) m;
    }

    /** The arguments as given. */
    public Map<String, Object> asMap() {
        return values;
    }

    private static String kind(Object v) {
        if (v instanceof String s) {
            return "the string '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (v instanceof Number n) {
            return "the number " + n;
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return v.getClass().getSimpleName();
    }
}
