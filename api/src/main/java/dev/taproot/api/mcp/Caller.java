package dev.taproot.api.mcp;

import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;

/**
 * Who calls a tool: the name recorded as the author of what they write, and the role they hold.
 * Over HTTP that is the bearer token the REST API checked; over stdio, the local user who started
 * {@code taproot mcp} and so already holds the data directory.
 *
 * @param name who is calling (never a secret)
 * @param role what they may do
 */
public record Caller(String name, Role role) {

    /** The holder of {@code token}. */
    public static Caller of(ApiToken token) {
        return new Caller(token.name(), token.role());
    }

    /** Whether this caller may call a tool that requires {@code required}. */
    public boolean may(Role required) {
        return role.covers(required);
    }
}
