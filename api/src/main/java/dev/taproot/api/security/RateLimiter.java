package dev.taproot.api.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller (token name, or remote address for unauthenticated endpoints and failed
 * authentications): {@code perMinute} requests a minute on average, bursts up to {@code burst}.
 * Buckets that have refilled are dropped once there are many callers, so many addresses cannot grow
 * it without bound.
 */
public final class RateLimiter {

    /** Default sustained rate per token. */
    public static final int DEFAULT_PER_MINUTE = 600;
    /** Default burst per token. */
    public static final int DEFAULT_BURST = 100;

    /** Past this many callers, buckets that have refilled are dropped (they hold nothing). */
    static final int MAX_IDLE_CALLERS = 10_000;

    private final double perNano;
    private final int burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, int burst) {
        if (perMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limit must be positive (per minute " + perMinute + ", burst " + burst + ")");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
    }

    /** Takes one request from the caller's bucket; false when it is empty. */
    public boolean tryAcquire(String caller) {
        return tryAcquire(caller, System.nanoTime());
    }

    boolean tryAcquire(String caller, long nowNanos) {
        if (buckets.size() > MAX_IDLE_CALLERS) {
            dropRefilled(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowNanos - bucket.last) * perNano);
            bucket.last = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Whether the caller's bucket holds at least one request, without taking it. */
    public boolean hasCapacity(String caller) {
        return hasCapacity(caller, System.nanoTime());
    }

    boolean hasCapacity(String caller, long nowNanos) {
        Bucket bucket = buckets.get(caller);
        if (bucket == null) {
            return true;
        }
        synchronized (bucket) {
            return Math.min(burst, bucket.tokens + (nowNanos - bucket.last) * perNano) >= 1;
        }
    }

    private void dropRefilled(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (nowNanos - e.getValue().last) * perNano >= burst;
            }
        });
    }

    /** Seconds until the caller may try again (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / (perNano * 1e9)));
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
