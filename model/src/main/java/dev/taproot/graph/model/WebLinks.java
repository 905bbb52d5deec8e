package dev.taproot.graph.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Links Taproot stores and later renders as {@code href} (runbooks, postmortems, alert URLs): only
 * absolute {@code http} or {@code https} URLs with a host. Anything else ({@code javascript:},
 * {@code data:}, {@code file:}, relative paths) would run script or point somewhere unexpected when
 * a person clicks it, so it is refused when it arrives.
 */
public final class WebLinks {

    private static final Pattern WEB = Pattern.compile("(?i)https?://[^\\s/?#@]+");

    private WebLinks() {
    }

    /**
     * Why {@code link} is not an acceptable web link, or empty when it is. The test is on the text's
     * start ({@code http://} or {@code https://} and a host), not on full URL syntax: links copied from
     * postmortems are often sloppy (spaces, brackets) but harmless once the scheme is fixed, and a
     * browser that strips tabs and newlines from {@code java\tscript:} still sees no http(s) prefix.
     */
    public static Optional<String> problem(String link) {
        if (link == null || link.isBlank()) {
            return Optional.of("is empty");
        }
        String l = link.strip();
        if (!WEB.matcher(l).lookingAt()) {
            int colon = l.indexOf(':');
            String scheme = colon > 0 && l.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.\\-]*")
                    ? "'" + l.substring(0, colon + 1).toLowerCase(Locale.ROOT) + "'" : "a relative link";
            return Optional.of(l.regionMatches(true, 0, "http", 0, 4) && l.contains("://")
                    ? "has no host ('" + clip(l) + "')"
                    : "must be an http(s) URL, not " + scheme + " ('" + clip(l) + "')");
        }
        return Optional.empty();
    }

    /** {@code link}, or an {@link IllegalArgumentException} naming {@code field} and the reason. */
    public static String require(String link, String field) {
        problem(link).ifPresent(p -> {
            throw new IllegalArgumentException(field + " " + p);
        });
        return link.strip();
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }
}
