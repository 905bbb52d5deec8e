package dev.taproot.search.lucene;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises names for exact (keyword) matching, the same way at index and at query time: entity
 * keys and names compare by their last path segment in lower case, fault types and alert names by
 * their letters and digits ({@code "CPU contention"}, {@code cpu_contention} and {@code CpuContention}
 * are one fault type).
 */
final class Keywords {

    private Keywords() {
    }

    /** The names an entity reference matches as: the whole key and its last segment, lower case. */
    static Set<String> entityNames(String keyOrName) {
        var out = new LinkedHashSet<String>();
        if (keyOrName == null || keyOrName.isBlank()) {
            return out;
        }
        String lower = keyOrName.trim().toLowerCase(Locale.ROOT);
        out.add(lower);
        int slash = lower.lastIndexOf('/');
        if (slash >= 0 && slash < lower.length() - 1) {
            out.add(lower.substring(slash + 1));
        }
        return out;
    }

    /** Entity names for several references. */
    static Set<String> entityNames(List<String> refs) {
        var out = new LinkedHashSet<String>();
        refs.forEach(r -> out.addAll(entityNames(r)));
        return out;
    }

    /** A fault type, alert name or tag as one token: lower case, letters and digits only. */
    static String token(String value) {
        if (value == null) {
            return "";
        }
        var sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
