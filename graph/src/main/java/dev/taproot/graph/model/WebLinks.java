package dev.taproot.graph.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Links Taproot stores and later renders as {@code href} (runbooks, postmortems, alert URLs): only
 * absolute {@code http} or {@code https} URLs with a host. Anything else ({@code javascript:},
 * {@code data:}, {@code file:}, relative paths) would run script or point somewhere unexpected when
 * a person clicks it, so it is refused when it arrives.
 */
public final class WebLinks {

    private WebLinks() {
    }

    /** Why {@code link} is not an acceptable web link, or empty when it is. */
    public static Optional<String> problem(String link) {
        if (link == null || link.isBlank()) {
            return Optional.of("is empty");
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL ('" + clip(link) + "')");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http(s) URL, not " + (scheme.isEmpty() ? "a relative link" : "'" + scheme + ":'")
                    + " ('" + clip(link) + "')");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host ('" + clip(link) + "')");
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
