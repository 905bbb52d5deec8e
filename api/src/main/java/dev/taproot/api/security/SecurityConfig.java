package dev.taproot.api.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * How the HTTP API authenticates: the accepted tokens, whether open access was explicitly asked for
 * (allowed on a loopback address only), and the per-token rate limit.
 *
 * @param tokens       accepted bearer tokens
 * @param openAccess   no token needed (only when explicitly configured, and only on loopback)
 * @param perMinute    sustained requests a minute per token
 * @param burst        burst size per token
 * @param publicPerMinute     requests a minute per remote address on endpoints that need no token (Slack,
 *                            Mattermost); the burst is the same number
 * @param failedAuthPerMinute failed authentications a minute per remote address before it gets 429
 */
public record SecurityConfig(TokenStore tokens, boolean openAccess, int perMinute, int burst, int publicPerMinute,
                             int failedAuthPerMinute) {

    /** Default requests a minute per address on endpoints that need no token. */
    public static final int DEFAULT_PUBLIC_PER_MINUTE = 120;

    public SecurityConfig {
        if (tokens == null) {
            tokens = TokenStore.empty();
        }
        if (openAccess && !tokens.isEmpty()) {
            throw new IllegalArgumentException("TAPROOT_OPEN_ACCESS=true and API tokens (TAPROOT_TOKENS / TAPROOT_TOKENS_FILE)"
                    + " are both configured; open access would ignore the tokens, so Taproot refuses to start: unset one of them");
        }
        if (publicPerMinute <= 0 || failedAuthPerMinute <= 0) {
            throw new IllegalArgumentException("address limits must be positive (public " + publicPerMinute
                    + ", failed authentications " + failedAuthPerMinute + ")");
        }
    }

    /** The default limits per address. */
    public SecurityConfig(TokenStore tokens, boolean openAccess, int perMinute, int burst) {
        this(tokens, openAccess, perMinute, burst, DEFAULT_PUBLIC_PER_MINUTE, AuthFailures.DEFAULT_PER_MINUTE);
    }

    /** A token freshly generated for a demo or a first start, with the configuration accepting it. */
    public record Issued(SecurityConfig config, String secret, ApiToken token) {
    }

    /**
     * From the environment: {@code TAPROOT_TOKENS_FILE} (path), {@code TAPROOT_TOKENS}
     * ({@code role:name:secret,...}), {@code TAPROOT_OPEN_ACCESS=true}, {@code TAPROOT_RATE_LIMIT}
     * (requests a minute per token), {@code TAPROOT_RATE_BURST}, {@code TAPROOT_PUBLIC_RATE_LIMIT}
     * (requests a minute per address without a token) and {@code TAPROOT_AUTH_FAILURE_LIMIT} (failed
     * authentications a minute per address).
     */
    public static SecurityConfig fromEnvironment(Map<String, String> env) {
        var tokens = new ArrayList<ApiToken>();
        String file = env.get("TAPROOT_TOKENS_FILE");
        if (file != null && !file.isBlank()) {
            tokens.addAll(TokenStore.readFile(Path.of(file.strip())));
        }
        String list = env.get("TAPROOT_TOKENS");
        if (list != null && !list.isBlank()) {
            tokens.addAll(TokenStore.parseList(list));
        }
        boolean open = "true".equalsIgnoreCase(env.getOrDefault("TAPROOT_OPEN_ACCESS", "").strip());
        int perMinute = positive(env, "TAPROOT_RATE_LIMIT", RateLimiter.DEFAULT_PER_MINUTE);
        int burst = positive(env, "TAPROOT_RATE_BURST", RateLimiter.DEFAULT_BURST);
        return new SecurityConfig(TokenStore.of(tokens), open, perMinute, burst,
                positive(env, "TAPROOT_PUBLIC_RATE_LIMIT", DEFAULT_PUBLIC_PER_MINUTE),
                positive(env, "TAPROOT_AUTH_FAILURE_LIMIT", AuthFailures.DEFAULT_PER_MINUTE));
    }

    /** Accepts exactly one token (tests create their own and pass it in the Authorization header). */
    public static SecurityConfig withToken(String name, Role role, String secret) {
        return new SecurityConfig(TokenStore.of(java.util.List.of(ApiToken.of(name, role, secret))), false,
                RateLimiter.DEFAULT_PER_MINUTE, RateLimiter.DEFAULT_BURST);
    }

    /** Open access, explicitly; the server refuses to start with it on a non-loopback address. */
    public static SecurityConfig openLoopback() {
        return new SecurityConfig(TokenStore.empty(), true, RateLimiter.DEFAULT_PER_MINUTE, RateLimiter.DEFAULT_BURST);
    }

    /** This configuration plus a newly generated token of the given role; the secret is returned once. */
    public Issued issue(String name, Role role) {
        String secret = TokenStore.generateSecret();
        ApiToken token = ApiToken.of(name, role, secret);
        return new Issued(new SecurityConfig(tokens.with(token), openAccess, perMinute, burst, publicPerMinute,
                failedAuthPerMinute), secret, token);
    }

    /** The same tokens with a different rate limit. */
    public SecurityConfig withRateLimit(int perMinute, int burst) {
        return new SecurityConfig(tokens, openAccess, perMinute, burst, publicPerMinute, failedAuthPerMinute);
    }

    /** The same tokens with other limits per remote address. */
    public SecurityConfig withAddressLimits(int publicPerMinute, int failedAuthPerMinute) {
        return new SecurityConfig(tokens, openAccess, perMinute, burst, publicPerMinute, failedAuthPerMinute);
    }

    /** Whether nothing would be accepted: no token and no open access (the server then issues one). */
    public boolean acceptsNothing() {
        return tokens.isEmpty() && !openAccess;
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive number, was '" + v + "'");
    }
}
