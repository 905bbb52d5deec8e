/**
 * Who may call Taproot: bearer tokens with roles ({@link dev.taproot.api.security.Role}) read from a
 * file or the environment, per-token rate limits, the auth filter every endpoint passes through, and
 * Slack request signature verification. Every endpoint states the role it needs when it is registered;
 * {@link dev.taproot.api.security.RolePolicy} decides, failing closed, for endpoints that did not.
 */
package dev.taproot.api.security;
