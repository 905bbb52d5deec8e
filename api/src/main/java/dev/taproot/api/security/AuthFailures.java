package dev.taproot.api.security;

/**
 * Throttles failed authentication by remote address: every 401 (unknown bearer token, bad Slack
 * signature, wrong Mattermost token) takes one from the address's budget; an address whose budget
 * is spent gets 429 with {@code Retry-After} before its credentials are even looked at, so secrets
 * cannot be guessed at speed.
 */
public final class AuthFailures {

    /** Default failed authentications a minute per address (and the burst). */
    public static final int DEFAULT_PER_MINUTE = 10;

    private final RateLimiter budget;

    public AuthFailures(int perMinute) {
        this.budget = new RateLimiter(perMinute, perMinute);
    }

    /** Whether this address may still try to authenticate. */
    public boolean allows(String address) {
        return budget.hasCapacity(address);
    }

    /** Counts one failed authentication from this address. */
    public void record(String address) {
        budget.tryAcquire(address);
    }

    /** Seconds until a blocked address may try again. */
    public long retryAfterSeconds() {
        return budget.retryAfterSeconds();
    }
}
