/**
 * Notifications: what the Alertmanager relay's one diagnosis found, sent where the configured routes
 * say. {@link dev.taproot.api.notify.Notifier} keeps one message per failure (an alert group, joined by
 * groups with the same top cause) and updates it in place; {@code Router} decides per destination
 * (send, hold through quiet hours, drop, below the minimum confidence); a {@code Sender} speaks one
 * destination type's protocol.
 *
 * <p>To add a destination type: a value of {@link dev.taproot.api.config.NotifyConfig.Type}, its
 * fields in {@code dev.taproot.api.config.NotificationsSection} (each mistake with its line and
 * field), one class implementing {@code Sender} (post returns what update needs; say in
 * {@link dev.taproot.api.config.NotifyConfig.Destination#updatesInPlace()} whether it can update), a
 * case in {@code Senders.of}, a row in {@code docs/configuration.md}, and a test against a loopback
 * stand-in in {@code NotifierTest}.
 */
package dev.taproot.api.notify;
