package dev.taproot.api.chatops;

import java.time.Instant;

/** Where feedback given in chat goes (the incident memory's feedback store, or a log). */
@FunctionalInterface
public interface FeedbackSink {

    /**
     * Stores one piece of feedback.
     *
     * @param feedback what was said, by whom, about which analysis and cause or incident
     */
    void record(ChatFeedback feedback);

    /**
     * One piece of feedback from chat.
     *
     * @param kind       {@code confirm-cause}, {@code wrong-cause} or {@code incident-helped}
     * @param analysisId the analysis the buttons belonged to
     * @param subject    the cause entity key or the incident id
     * @param user       who clicked (chat user id and name)
     * @param channel    the chat system ({@code slack}, {@code mattermost})
     * @param at         when
     */
    record ChatFeedback(String kind, String analysisId, String subject, String user, String channel, Instant at) {
    }
}
