package dev.taproot.api.security;

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

    /** No token and no open access, default rate limits: the server then issues a token for the run. */
    public static SecurityConfig none() {
        return new SecurityConfig(TokenStore.empty(), false, RateLimiter.DEFAULT_PER_MINUTE, RateLimiter.DEFAULT_BURST);
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
}
