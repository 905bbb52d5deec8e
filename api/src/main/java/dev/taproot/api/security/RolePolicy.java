package dev.taproot.api.security;

import java.util.Locale;
import java.util.Set;

import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

/**
 * The role an endpoint requires. An endpoint states its role when it is registered (a {@link Role}
 * among its route roles); for endpoints registered without one, this policy decides by path and
 * method, failing closed: ingestion needs {@code ingest}, queries need {@code read}, any other write
 * needs {@code admin}.
 */
public final class RolePolicy {

    /** POST endpoints that only ask questions (analyses, searches). */
    private static final Set<String> READ_POSTS = Set.of("/api/v1/analyses", "/api/v1/incidents/similar",
            "/api/v1/explorer/cypher", "/api/v1/explorer/sparql");

    private RolePolicy() {
    }

    /** The role required to call {@code method path} whose route declared {@code declared}. */
    public static Role required(HandlerType method, String path, Set<RouteRole> declared) {
        for (RouteRole r : declared) {
            if (r instanceof Role role) {
                return role;
            }
        }
        String p = path.toLowerCase(Locale.ROOT);
        if (!p.startsWith("/api/")) {
            return Role.PUBLIC;
        }
        if (p.startsWith("/api/v1/ingest") || p.startsWith("/api/v1/import")) {
            return Role.INGEST;
        }
        if (p.startsWith("/api/v1/admin") || p.startsWith("/api/v1/rules/reload")) {
            return Role.ADMIN;
        }
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            return Role.READ;
        }
        if (p.startsWith("/api/v1/feedback")) {
            return Role.FEEDBACK;
        }
        if (READ_POSTS.contains(p) || p.startsWith("/api/v1/analyses") && method == HandlerType.POST) {
            return Role.READ;
        }
        return Role.ADMIN;
    }
}
