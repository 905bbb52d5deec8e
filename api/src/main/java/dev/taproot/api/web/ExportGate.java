package dev.taproot.api.web;

import java.util.concurrent.Semaphore;


/**
 * Bounds how many graph exports run at once ({@code TAPROOT_EXPORT_CONCURRENCY}, default
 * {@value #DEFAULT_CONCURRENT}). Exports stream, so each holds little memory, but each holds a read
 * transaction and a request thread for as long as its client reads; past the bound, a request is
 * answered 503 with {@code Retry-After} at once instead of queueing.
 */
public final class ExportGate {

    /** Exports that may run at once by default. */
    public static final int DEFAULT_CONCURRENT = 2;
    /** What a refused client is told to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private final Semaphore permits;
    private final int concurrent;

    public ExportGate(int concurrent) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("TAPROOT_EXPORT_CONCURRENCY must be at least 1, was " + concurrent);
        }
        this.concurrent = concurrent;
        this.permits = new Semaphore(concurrent);
    }

    /** Takes a place; false when all are taken. */
    public boolean tryEnter() {
        return permits.tryAcquire();
    }

    /** Gives a place back. */
    public void leave() {
        permits.release();
    }

    /** The 503 answered when every place is taken (the caller sets {@code Retry-After}). */
    public Problem busy() {
        return new Problem(503, "Service unavailable", concurrent + " graph export(s) are already running; retry in "
                + RETRY_AFTER_SECONDS + " s");
    }
}
