package dev.taproot.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One bearer token: its name (for logs and rate limits; never the secret), its role, and the SHA-256
 * of its secret, so a token file or a heap dump never holds usable secrets longer than needed.
 *
 * @param name         who or what holds it, for example {@code slack-bot}
 * @param role         what it may do
 * @param secretSha256 hex SHA-256 of the token text
 */
public record ApiToken(String name, Role role, String secretSha256) {

    /** Minimum token length: shorter secrets are refused when loading. */
    public static final int MIN_SECRET_LENGTH = 16;

    public ApiToken {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("token name is required");
        }
        if (role == null || role == Role.PUBLIC) {
            throw new IllegalArgumentException("token " + name + ": role must be read, ingest or admin");
        }
    }

    /** A token from its clear-text secret. */
    public static ApiToken of(String name, Role role, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("token " + name + " is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        return new ApiToken(name, role, sha256(secret));
    }

    /** Whether {@code presented} is this token's secret (constant-time over the digests). */
    public boolean matches(String presented) {
        byte[] a = HexFormat.of().parseHex(secretSha256);
        byte[] b = HexFormat.of().parseHex(sha256(presented));
        return MessageDigest.isEqual(a, b);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
