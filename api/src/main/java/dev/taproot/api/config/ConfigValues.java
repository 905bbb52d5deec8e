package dev.taproot.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for configuration values; each failure's message completes "field: ...". */
final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*(B|KB|MB|GB|KiB|MiB|GiB)?");

    private ConfigValues() {
    }

    static Function<String, String> text() {
        return s -> s;
    }

    /** A whole number in {@code [min, max]}. */
    static Function<String, Integer> integer(int min, int max) {
        return s -> {
            try {
                int n = Integer.parseInt(s.strip());
                if (n < min || n > max) {
                    throw new IllegalArgumentException("must be between " + min + " and " + max + ", was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, was '" + s + "'");
            }
        };
    }

    static Function<String, Boolean> bool() {
        return s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, was '" + s + "'");
        };
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT30S}); positive, at most {@code max}. */
    static Function<String, Duration> duration(Duration max) {
        return s -> {
            String t = s.strip();
            Duration d;
            Matcher m = DURATION.matcher(t);
            if (m.matches() && m.group(1).length() <= 9) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                try {
                    d = Duration.parse(t);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a duration such as 500ms, 30s, 5m or 1h, was '" + s + "'");
                }
            }
            if (d.isZero() || d.isNegative() || d.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be more than 0 and at most " + max.toString().substring(2).toLowerCase(Locale.ROOT)
                        + ", was '" + s + "'");
            }
            return d;
        };
    }

    /** A byte count: {@code 1048576}, {@code 32MiB}, {@code 50MB}; positive. */
    static Function<String, Long> bytes() {
        return s -> {
            Matcher m = SIZE.matcher(s.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("must be a size in bytes such as 1048576, 512KiB or 32MiB, was '" + s + "'");
            }
            long n = Long.parseLong(m.group(1));
            long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
                case "KB" -> 1_000L;
                case "MB" -> 1_000_000L;
                case "GB" -> 1_000_000_000L;
                case "KiB" -> 1L << 10;
                case "MiB" -> 1L << 20;
                case "GiB" -> 1L << 30;
                default -> 1L;
            };
            if (n <= 0) {
                throw new IllegalArgumentException("must be more than 0 bytes, was '" + s + "'");
            }
            try {
                return Math.multiplyExact(n, unit);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("is too large, was '" + s + "'");
            }
        };
    }

    /** An absolute http(s) URL with a host. */
    static Function<String, URI> httpUrl() {
        return s -> {
            try {
                URI uri = new URI(s.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new IllegalArgumentException("must be an absolute http(s) URL, was '" + s + "'");
        };
    }

    /** A Neo4j URI: {@code neo4j://}, {@code neo4j+s://}, {@code bolt://}, {@code bolt+s://} ... with a host. */
    static Function<String, String> neo4jUri() {
        return s -> {
            try {
                URI uri = new URI(s.strip());
                if (uri.getScheme() != null && uri.getScheme().matches("(neo4j|bolt)(\\+s|\\+ssc)?") && uri.getHost() != null) {
                    return s.strip();
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw new IllegalArgumentException("must be a Neo4j URI such as neo4j://host:7687, was '" + s + "'");
        };
    }

    /** One of {@code choices}. */
    static Function<String, String> oneOf(String... choices) {
        return s -> {
            for (String c : choices) {
                if (c.equals(s.strip())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + ", was '" + s + "'");
        };
    }
}
