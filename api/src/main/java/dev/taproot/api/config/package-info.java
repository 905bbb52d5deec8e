/**
 * Taproot's configuration: {@code taproot.yaml}, the {@code TAPROOT_*} environment variables over it
 * and the command line over both, read once by {@link dev.taproot.api.config.ConfigLoader} into one
 * immutable {@link dev.taproot.api.config.TaprootConfig} that the composition root passes on. This is
 * the only package that reads the process environment.
 *
 * <p>To add a setting: read it in its section class ({@code HttpSection}, {@code SecuritySection},
 * {@code ChatOpsSection}, {@code PrometheusSection}, {@code NotificationsSection}, or {@code ConfigLoader} for store, rules and
 * tunables) with {@code ConfigSection.value(key, variable, parser, default)}, list its key in that
 * section's {@code allow(...)} so it is not reported as unknown, add it to the record that carries
 * it, and document it in {@code docs/configuration.md} (and {@code taproot.example.yaml}).
 */
package dev.taproot.api.config;
