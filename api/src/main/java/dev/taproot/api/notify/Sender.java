package dev.taproot.api.notify;

import dev.taproot.api.config.NotifyConfig;
import dev.taproot.api.notify.NotifyHttp.SendException;

/**
 * How one kind of destination is spoken to. To add a destination type: one class implementing this,
 * a {@link NotifyConfig.Type}, its fields in the configuration reader, and a case in
 * {@link Senders#of}.
 */
interface Sender {

    /** The destination it sends to. */
    NotifyConfig.Destination destination();

    /**
     * Posts a new message for a failure.
     *
     * @return the id {@link #update} needs (a Slack channel and timestamp, a Mattermost post id), or the
     *         group key where messages have none
     */
    String post(Notification n) throws SendException;

    /**
     * Replaces the message {@code id} with {@code n}; only called when the destination
     * {@linkplain NotifyConfig.Destination#updatesInPlace() updates in place}.
     */
    void update(String id, Notification n) throws SendException;
}
