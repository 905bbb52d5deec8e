package dev.taproot.api.security;

import java.util.Locale;

import io.javalin.security.RouteRole;

/**
 * What a bearer token may do. Roles are ordered: {@link #ADMIN} may do everything {@link #INGEST}
 * may, which may do everything {@link #FEEDBACK} may (give feedback on answers), which may do
 * everything {@link #READ} may. {@link #PUBLIC} marks endpoints that need no token
 * (the explorer page's static files, the OpenAPI document, Slack endpoints that verify signatures).
 */
public enum Role implements RouteRole {
    PUBLIC, READ, FEEDBACK, INGEST, ADMIN;

    /** Whether a token holding this role may call an endpoint that requires {@code required}. */
    public boolean covers(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** Parses {@code read}, {@code feedback}, {@code ingest} or {@code admin} (case-insensitive). */
    public static Role parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "read": return READ;
                case "feedback": return FEEDBACK;
                case "ingest": return INGEST;
                case "admin": return ADMIN;
                default: break;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': expected read, feedback, ingest or admin");
    }

    /** The lower-case name used in token files and the OpenAPI document. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
