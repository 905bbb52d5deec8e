package dev.taproot.api.notify;

import java.time.Instant;

/**
 * One failure at one destination: the message shown there, the notification waiting to be sent
 * (only the latest is kept: a newer state replaces an unsent older one), and one held through quiet
 * hours. Sends run one at a time per delivery, so an update never overtakes the post it updates.
 */
final class Delivery {

    final Sender sender;
    /** Guarded by this. */
    Notification pending;
    /** Guarded by this: a drain is scheduled or running. */
    boolean running;
    /** Guarded by the notifier's lock: something was sent, is being sent, or is held here. */
    boolean engaged;
    /** Guarded by the notifier's lock. */
    Notification held;
    /** Guarded by the notifier's lock. */
    Instant releaseAt;
    /** Only touched by the running drain. */
    volatile String messageId;
    /** Only touched by the running drain: the single follow-up of a destination that cannot update was sent. */
    volatile boolean followedUp;

    Delivery(Sender sender) {
        this.sender = sender;
    }

    String destination() {
        return sender.destination().name();
    }
}
