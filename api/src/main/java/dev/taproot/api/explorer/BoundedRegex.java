package dev.taproot.api.explorer;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether a regular expression is safe to hand to a backtracking engine (Java's, which both
 * Neo4j and Jena use): neither can stop one regex evaluation when a query's timeout passes, so a
 * pattern that backtracks exponentially holds a thread long after the timeout. A pattern is accepted
 * when it cannot backtrack exponentially and its polynomial degree is small:
 * <ul>
 *   <li>no repeated group that itself repeats or alternates ({@code (a+)+}, {@code (a|aa)*}): the
 *       source of exponential backtracking;</li>
 *   <li>no back-references or look-arounds (they defeat every bound);</li>
 *   <li>at most {@value #MAX_UNBOUNDED} unbounded quantifiers ({@code *}, {@code +}, {@code {n,}}):
 *       each one can multiply the work by the subject's length;</li>
 *   <li>at most {@value #MAX_LENGTH} characters.</li>
 * </ul>
 */
public final class BoundedRegex {

    /** Longest pattern accepted. */
    public static final int MAX_LENGTH = 256;
    /** Most unbounded quantifiers: {@code .*a.*b.*} keeps the work within the cube of the subject's length. */
    public static final int MAX_UNBOUNDED = 3;

    private BoundedRegex() {
    }

    /** Why {@code pattern} is refused, or empty when it is accepted. */
    public static Optional<String> problem(String pattern) {
        if (pattern == null) {
            return Optional.of("the pattern must be a string literal or a string parameter");
        }
        if (pattern.length() > MAX_LENGTH) {
            return Optional.of("the pattern is longer than " + MAX_LENGTH + " characters");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return Optional.of("the pattern does not compile: " + e.getDescription());
        }
        var groups = new ArrayDeque<boolean[]>(); // per open group: {repeats or alternates inside}
        boolean[] top = {false};
        boolean lastClosedGroupVaries = false;
        int unbounded = 0;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 < pattern.length()) {
                    char n = pattern.charAt(i + 1);
                    if (!inClass && (Character.isDigit(n) && n != '0' || n == 'k')) {
                        return Optional.of("back-references are not allowed");
                    }
                }
                i++;
                lastClosedGroupVaries = false;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            boolean[] current = groups.isEmpty() ? top : groups.peek();
            switch (c) {
                case '[' -> {
                    inClass = true;
                    lastClosedGroupVaries = false;
                }
                case '(' -> {
                    if (pattern.startsWith("(?=", i) || pattern.startsWith("(?!", i) || pattern.startsWith("(?<=", i)
                            || pattern.startsWith("(?<!", i)) {
                        return Optional.of("look-arounds are not allowed");
                    }
                    groups.push(new boolean[] {false});
                    lastClosedGroupVaries = false;
                }
                case ')' -> {
                    boolean[] closed = groups.isEmpty() ? new boolean[] {false} : groups.pop();
                    lastClosedGroupVaries = closed[0];
                    if (closed[0]) {
                        (groups.isEmpty() ? top : groups.peek())[0] = true;
                    }
                }
                case '|' -> {
                    current[0] = true;
                    lastClosedGroupVaries = false;
                }
                case '*', '+', '{' -> {
                    boolean repeats = c != '{' || repeatsMoreThanOnce(pattern, i);
                    boolean open = c != '{' || pattern.indexOf('}', i) > 0 && pattern.substring(i, pattern.indexOf('}', i)).endsWith(",");
                    if (repeats && lastClosedGroupVaries) {
                        return Optional.of("a repeated group repeats or alternates inside ('(a+)+', '(a|b)*'): "
                                + "it can backtrack exponentially");
                    }
                    if (open) {
                        unbounded++;
                    }
                    if (repeats) {
                        current[0] = true;
                    }
                    if (c == '{') {
                        i = Math.max(i, pattern.indexOf('}', i));
                    }
                    lastClosedGroupVaries = false;
                }
                default -> lastClosedGroupVaries = false;
            }
        }
        if (unbounded > MAX_UNBOUNDED) {
            return Optional.of("more than " + MAX_UNBOUNDED + " unbounded quantifiers (*, +, {n,})");
        }
        return Optional.empty();
    }

    private static boolean repeatsMoreThanOnce(String p, int brace) {
        int end = p.indexOf('}', brace);
        if (end < 0) {
            return false;
        }
        String body = p.substring(brace + 1, end);
        if (body.endsWith(",")) {
            return true;
        }
        String[] parts = body.split(",", -1);
        try {
            return Integer.parseInt(parts[parts.length - 1].trim()) > 1;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
