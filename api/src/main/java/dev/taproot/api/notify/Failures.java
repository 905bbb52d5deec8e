package dev.taproot.api.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The open failures: one failure is one Alertmanager group, joined by any other group whose diagnosis
 * has the same top cause while it is open. A failure resolves when all its groups have. Bounded: past
 * {@link #MAX_OPEN} groups the oldest are forgotten (their next notification opens a new message).
 * Not thread-safe: the {@link Notifier} holds its lock around every call.
 */
final class Failures {

    /** The most alert groups remembered. */
    static final int MAX_OPEN = 10_000;

    /** One failure; {@code latest} is its last notification. Fields are guarded by the notifier's lock. */
    static final class Failure {
        final String key;
        final Set<String> groups = new LinkedHashSet<>();
        final Set<String> open = new LinkedHashSet<>();
        String root;
        Notification latest;
        final Map<String, Delivery> deliveries = new LinkedHashMap<>();

        Failure(String key) {
            this.key = key;
        }
    }

    private final Map<String, Failure> byGroup = bounded();
    private final Map<String, Failure> byRoot = bounded();
    private final Map<String, Instant> resolvedAt = bounded();

    /** The failure {@code groupKey} fires in (its own, one with the same root, or a new one). */
    Failure firing(String groupKey, String root, Instant now) {
        Failure f = byGroup.get(groupKey);
        if (f == null && root != null) {
            f = byRoot.get(root);
        }
        if (f == null) {
            f = new Failure(key(groupKey, now));
        }
        f.groups.add(groupKey);
        f.open.add(groupKey);
        byGroup.put(groupKey, f);
        if (root != null) {
            f.root = root;
            byRoot.put(root, f);
        }
        resolvedAt.remove(groupKey);
        return f;
    }

    /** Marks {@code groupKey} resolved; returns its failure when that was its last open group, else null. */
    Failure resolve(String groupKey, Instant at) {
        resolvedAt.put(groupKey, at);
        Failure f = byGroup.remove(groupKey);
        if (f == null) {
            return null;
        }
        f.open.remove(groupKey);
        if (!f.open.isEmpty()) {
            return null;
        }
        if (f.root != null && byRoot.get(f.root) == f) {
            byRoot.remove(f.root);
        }
        return f;
    }

    /** Whether {@code groupKey} resolved after {@code firedAt} (a diagnosis that finished late is then stale). */
    boolean resolvedSince(String groupKey, Instant firedAt) {
        Instant r = resolvedAt.get(groupKey);
        return r != null && !r.isBefore(firedAt);
    }

    /** A key stable for the failure's life and different for the next failure of the same group. */
    static String key(String groupKey, Instant opened) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((groupKey + "\n" + opened).getBytes(StandardCharsets.UTF_8));
            return "taproot-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_OPEN;
            }
        };
    }
}
