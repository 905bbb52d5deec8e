package dev.taproot.api.chatops;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.diagnosis.Diagnosis;

/**
 * Told about each Alertmanager group the relay handles: the diagnosis of a firing group (the one the
 * relay's answer was built from) and each resolved group. The notifier is one; both calls must return
 * quickly and never throw (they run on the relay's worker and request threads).
 */
public interface AlertGroupListener {

    /** Listens to nothing. */
    AlertGroupListener NONE = new AlertGroupListener() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void diagnosed(JsonNode payload, Instant receivedAt, Diagnosis diagnosis, ChatAnswer answer) {
        }

        @Override
        public void resolved(JsonNode payload, Instant receivedAt) {
        }
    };

    /** Whether it would do anything (the relay runs without a Slack webhook only when it would). */
    boolean enabled();

    /**
     * A firing group was diagnosed.
     *
     * @param payload    the Alertmanager webhook payload
     * @param receivedAt when the relay received it
     * @param diagnosis  the diagnosis of its first alert
     * @param answer     the chat answer built from that diagnosis
     */
    void diagnosed(JsonNode payload, Instant receivedAt, Diagnosis diagnosis, ChatAnswer answer);

    /** A group resolved ({@code payload} is its webhook payload, status {@code resolved}). */
    void resolved(JsonNode payload, Instant receivedAt);
}
