package dev.taproot.api.config;

import java.time.Duration;

import dev.taproot.api.live.LiveBaseline;

/**
 * Limits that have sensible defaults but are an operator's to change.
 *
 * @param requestTimeout how long an explorer query (Cypher, SPARQL) or a synchronous analysis may run
 *                       ({@code tunables.requestTimeout}, {@code TAPROOT_REQUEST_TIMEOUT})
 * @param maxBodyBytes   request bodies above this are refused with 413 ({@code tunables.maxBodyBytes},
 *                       {@code TAPROOT_MAX_BODY_BYTES}; bulk import streams and has its own limit)
 * @param exportConcurrency graph exports that may stream at once; more get 503 ({@code tunables.exportConcurrency},
 *                       {@code TAPROOT_EXPORT_CONCURRENCY})
 * @param liveBaseline   the period an analysed window is compared with, fetched from the sources with it: the
 *                       hour before, or the same window a day or a week earlier ({@code tunables.liveBaseline},
 *                       {@code TAPROOT_LIVE_BASELINE})
 * @param liveDeadline   the longest a diagnosis waits for all sources together ({@code tunables.liveDeadline},
 *                       {@code TAPROOT_LIVE_DEADLINE})
 */
public record Tunables(Duration requestTimeout, long maxBodyBytes, int exportConcurrency, LiveBaseline liveBaseline,
                       Duration liveDeadline) {

    /** Default limit on how long one query may run. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Default limit on a request body. */
    public static final long DEFAULT_MAX_BODY_BYTES = 50L * 1024 * 1024;

    public Tunables {
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        exportConcurrency = exportConcurrency <= 0 ? dev.taproot.api.web.ExportGate.DEFAULT_CONCURRENT : exportConcurrency;
        liveBaseline = liveBaseline == null ? LiveBaseline.DEFAULT : liveBaseline;
        liveDeadline = liveDeadline == null ? dev.taproot.api.live.ConfiguredSources.DEFAULT_DEADLINE : liveDeadline;
    }

    /** The default live-evidence baseline and deadline. */
    public Tunables(Duration requestTimeout, long maxBodyBytes, int exportConcurrency) {
        this(requestTimeout, maxBodyBytes, exportConcurrency, null, null);
    }

    /** The default export concurrency. */
    public Tunables(Duration requestTimeout, long maxBodyBytes) {
        this(requestTimeout, maxBodyBytes, 0);
    }

    public static Tunables defaults() {
        return new Tunables(DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BODY_BYTES);
    }
}
