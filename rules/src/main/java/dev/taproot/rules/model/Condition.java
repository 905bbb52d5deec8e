package dev.taproot.rules.model;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Signal;

/**
 * One attribute condition: {@code attribute op value}, where value is a literal or {@code $threshold}.
 * Operators: {@code == != > >= < <= ~} (regular expression, case-insensitive) and {@code exists}.
 * The attributes {@code name}, {@code severity} and {@code source} read the signal's own fields.
 */
public record Condition(String attribute, String op, String value) {

    /** The operators a condition may use. */
    public static final java.util.List<String> OPERATORS = java.util.List.of("==", "!=", ">=", "<=", ">", "<", "~", "exists");

    public Condition {
        if (!OPERATORS.contains(op)) {
            throw new IllegalArgumentException("unknown operator '" + op + "' (one of " + OPERATORS + ")");
        }
        if (op.equals("~")) {
            Pattern.compile(value);
        }
    }

    /** Parses {@code ">= $minScore"}, {@code "up"} (equality), {@code "~ (?i)oom"} or {@code "exists"}. */
    public static Condition parse(String attribute, String expression) {
        String e = expression.strip();
        if (e.equals("exists")) {
            return new Condition(attribute, "exists", "");
        }
        for (String op : OPERATORS) {
            if (!op.equals("exists") && e.startsWith(op)) {
                return new Condition(attribute, op, e.substring(op.length()).strip());
            }
        }
        return new Condition(attribute, "==", e);
    }

    /** Whether the signal satisfies the condition. */
    public boolean test(Signal signal, Thresholds thresholds) {
        Object actual = switch (attribute) {
            case "name" -> signal.name();
            case "severity" -> signal.severity().name();
            case "source" -> signal.source();
            default -> signal.attributes().get(attribute);
        };
        if (op.equals("exists")) {
            return actual != null;
        }
        if (actual == null) {
            return false;
        }
        String expected = value.startsWith("$") ? String.valueOf(thresholds.get(value.substring(1))) : value;
        return switch (op) {
            case "~" -> Pattern.compile(expected, Pattern.CASE_INSENSITIVE).matcher(actual.toString()).find();
            case "==" -> numericOrText(actual, expected) == 0;
            case "!=" -> numericOrText(actual, expected) != 0;
            case ">" -> numericOrText(actual, expected) > 0;
            case ">=" -> numericOrText(actual, expected) >= 0;
            case "<" -> numericOrText(actual, expected) < 0;
            case "<=" -> numericOrText(actual, expected) <= 0;
            default -> false;
        };
    }

    private static int numericOrText(Object actual, String expected) {
        try {
            double a = actual instanceof Number n ? n.doubleValue() : Double.parseDouble(actual.toString());
            return Double.compare(a, Double.parseDouble(expected));
        } catch (NumberFormatException e) {
            return actual.toString().toLowerCase(Locale.ROOT).compareTo(expected.toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public String toString() {
        return attribute + " " + op + (value.isEmpty() ? "" : " " + value);
    }
}
