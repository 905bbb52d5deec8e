package dev.taproot.api.web;

import java.util.Optional;

import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.AuthFailures;
import dev.taproot.api.security.RateLimiter;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.RolePolicy;
import dev.taproot.api.security.SecurityConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;

/**
 * Runs before every matched endpoint: refuses an address that failed authentication too often, finds
 * the role the endpoint requires, checks the bearer token, and takes one request from the token's
 * rate-limit bucket (or, on endpoints that need no token, from the remote address's). Answers 401 (no
 * or unknown token), 403 (role too low) or 429 (rate limit, failed-authentication throttle) as problem
 * details. The server reports every 401 it sends back to {@link #failedAuthentication}.
 */
public final class AuthFilter implements Handler {

    /** Context attribute holding the authenticated {@link ApiToken} (absent with open access). */
    public static final String TOKEN_ATTRIBUTE = "taproot.token";

    private final SecurityConfig config;
    private final RateLimiter limiter;
    private final RateLimiter publicLimiter;
    private final AuthFailures failures;

    public AuthFilter(SecurityConfig config) {
        this.config = config;
        this.limiter = new RateLimiter(config.perMinute(), config.burst());
        this.publicLimiter = new RateLimiter(config.publicPerMinute(), config.publicPerMinute());
        this.failures = new AuthFailures(config.failedAuthPerMinute());
    }

    /** Counts a 401 answered to this address (whatever refused it: token, Slack signature, Mattermost token). */
    public void failedAuthentication(String address) {
        failures.record(address);
    }

    @Override
    public void handle(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String path = matched == null ? ctx.path() : matched.path;
        io.javalin.security.Roles declared = matched == null ? null : matched.metadata(io.javalin.security.Roles.class);
        Role required = RolePolicy.required(ctx.method(), path, declared == null ? ctx.routeRoles() : declared.getRoles());
        if (!failures.allows(ctx.ip())) {
            ctx.header("Retry-After", Long.toString(failures.retryAfterSeconds()));
            throw new Problem(429, "Too many requests", "too many failed authentications from this address; retry later");
        }
        if (required == Role.PUBLIC) {
            if (path.startsWith("/api/") && !publicLimiter.tryAcquire(ctx.ip())) {
                ctx.header("Retry-After", Long.toString(publicLimiter.retryAfterSeconds()));
                throw new Problem(429, "Too many requests", "rate limit of " + config.publicPerMinute()
                        + " requests a minute per address exceeded; retry later");
            }
            return;
        }
        if (config.openAccess()) {
            limit(ctx, "open:" + ctx.ip());
            return;
        }
        String presented = bearer(ctx).orElseThrow(() -> unauthorized(ctx,
                "this endpoint needs a bearer token with role '" + required.label() + "' (Authorization: Bearer <token>)"));
        ApiToken token = config.tokens().find(presented).orElseThrow(() -> unauthorized(ctx, "the bearer token is not known"));
        if (!token.role().covers(required)) {
            throw new Problem(403, "Forbidden", "token '" + token.name() + "' has role '" + token.role().label()
                    + "'; this endpoint needs '" + required.label() + "'");
        }
        limit(ctx, "token:" + token.name());
        ctx.attribute(TOKEN_ATTRIBUTE, token);
    }

    private void limit(Context ctx, String caller) {
        if (!limiter.tryAcquire(caller)) {
            ctx.header("Retry-After", Long.toString(limiter.retryAfterSeconds()));
            throw new Problem(429, "Too many requests", "rate limit of " + config.perMinute()
                    + " requests a minute exceeded; retry later");
        }
    }

    private static Problem unauthorized(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"taproot\"");
        return new Problem(401, "Unauthorized", detail);
    }

    static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = h.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
