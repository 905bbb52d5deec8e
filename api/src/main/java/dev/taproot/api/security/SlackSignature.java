package dev.taproot.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Slack's request signature: {@code v0=} hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>}
 * with the app's signing secret, compared in constant time, and a timestamp within five minutes of
 * now so a captured request cannot be replayed later.
 */
public final class SlackSignature {

    /** How far a request's timestamp may be from now. */
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);

    /** Why a request was refused (or {@link #OK}). */
    public enum Verdict {
        OK, MISSING_HEADERS, BAD_TIMESTAMP, STALE, BAD_SIGNATURE
    }

    private final byte[] secret;
    private final Clock clock;
    private final Duration window;

    public SlackSignature(String signingSecret, Clock clock, Duration window) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("the Slack signing secret is empty (set TAPROOT_SLACK_SIGNING_SECRET)");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.window = window;
    }

    public SlackSignature(String signingSecret) {
        this(signingSecret, Clock.systemUTC(), DEFAULT_REPLAY_WINDOW);
    }

    /** Checks one request from its two headers and its raw body bytes. */
    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING_HEADERS;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > window.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = ("v0=" + sign(timestampHeader.strip(), body)).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signatureHeader.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? Verdict.OK : Verdict.BAD_SIGNATURE;
    }

    /** Hex HMAC-SHA256 of {@code v0:timestamp:body} (what a sender puts after {@code v0=}). */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
