package dev.taproot.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.graph.testing.SharedData;

/** Slack's documented signed example, and tampered and replayed copies of it. */
class SlackSignatureTest {

    byte[] body;
    String timestamp;
    String signature;
    String secret;

    @BeforeEach
    void readExample() throws Exception {
        Path dir = SharedData.require("slack-payloads");
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("slash_command_signed_request.meta.json").toFile());
        body = Files.readAllBytes(dir.resolve(meta.get("body_file").asText()));
        timestamp = meta.at("/headers/X-Slack-Request-Timestamp").asText();
        signature = meta.at("/headers/X-Slack-Signature").asText();
        secret = meta.get("signing_secret").asText();
    }

    SlackSignature at(long epochSeconds) {
        return new SlackSignature(secret, Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC),
                SlackSignature.DEFAULT_REPLAY_WINDOW);
    }

    @Test
    void theDocumentedExampleVerifies() {
        assertThat(at(Long.parseLong(timestamp) + 10).verify(timestamp, signature, body)).isEqualTo(SlackSignature.Verdict.OK);
    }

    @Test
    void aTamperedBodyIsRefused() {
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("text=", "text=why+everything").getBytes(StandardCharsets.UTF_8);
        assertThat(at(Long.parseLong(timestamp)).verify(timestamp, signature, tampered)).isEqualTo(SlackSignature.Verdict.BAD_SIGNATURE);
    }

    @Test
    void aTamperedSignatureOrTimestampIsRefused() {
        String flipped = signature.substring(0, signature.length() - 1) + (signature.endsWith("3") ? "4" : "3");
        assertThat(at(Long.parseLong(timestamp)).verify(timestamp, flipped, body)).isEqualTo(SlackSignature.Verdict.BAD_SIGNATURE);
        String later = Long.toString(Long.parseLong(timestamp) + 1);
        assertThat(at(Long.parseLong(timestamp)).verify(later, signature, body)).isEqualTo(SlackSignature.Verdict.BAD_SIGNATURE);
        assertThat(at(Long.parseLong(timestamp)).verify(timestamp, "v1=" + signature.substring(3), body))
                .isEqualTo(SlackSignature.Verdict.BAD_SIGNATURE);
    }

    @Test
    void aReplayOutsideFiveMinutesIsRefusedEvenWithAGoodSignature() {
        long ts = Long.parseLong(timestamp);
        assertThat(at(ts + Duration.ofMinutes(5).toSeconds()).verify(timestamp, signature, body)).isEqualTo(SlackSignature.Verdict.OK);
        assertThat(at(ts + Duration.ofMinutes(5).toSeconds() + 1).verify(timestamp, signature, body)).isEqualTo(SlackSignature.Verdict.STALE);
        assertThat(at(ts - 400).verify(timestamp, signature, body)).isEqualTo(SlackSignature.Verdict.STALE);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        var v = at(Long.parseLong(timestamp));
        assertThat(v.verify(null, signature, body)).isEqualTo(SlackSignature.Verdict.MISSING_HEADERS);
        assertThat(v.verify(timestamp, null, body)).isEqualTo(SlackSignature.Verdict.MISSING_HEADERS);
        assertThat(v.verify("yesterday", signature, body)).isEqualTo(SlackSignature.Verdict.BAD_TIMESTAMP);
    }

    @Test
    void aWrongSecretNeverVerifies() {
        var other = new SlackSignature("another-signing-secret", Clock.fixed(Instant.ofEpochSecond(Long.parseLong(timestamp)),
                ZoneOffset.UTC), SlackSignature.DEFAULT_REPLAY_WINDOW);
        assertThat(other.verify(timestamp, signature, body)).isEqualTo(SlackSignature.Verdict.BAD_SIGNATURE);
    }
}
