package dev.taproot.api.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.taproot.api.diagnosis.LiveEvidence;
import dev.taproot.graph.store.ErrorMessages;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.detect.AnalysisWindow;
import dev.taproot.ingest.detect.TelemetryEntities;
import dev.taproot.ingest.live.LiveIngestor;
import dev.taproot.ingest.live.LiveSourceException;
import dev.taproot.ingest.live.LiveTelemetry;
import dev.taproot.ingest.live.TelemetrySource;
import dev.taproot.ingest.telemetry.TelemetryAnalyzer;

/**
 * The {@link LiveEvidence} of the configured sources (Prometheus, Jaeger, Tempo, Loki, Elasticsearch):
 * for the entity names and window of a diagnosis it asks every source at once on a small pool of its
 * own over the window and its {@link LiveBaseline} (by default the hour before, fetched with the window in
 * one range; a day or a week earlier, fetched as a second range of the same length), waits at most until
 * an overall deadline, runs the case replay's detectors over each answer and stores the signals and CALLS
 * edges through the {@link IngestService}. One line per source says what came back; a source that failed,
 * was late or had no free thread is a problem line. It never throws.
 */
public final class ConfiguredSources implements LiveEvidence, AutoCloseable {

    /** How much time before the window is fetched as its baseline. */
    public static final Duration DEFAULT_BASELINE = Duration.ofHours(1);
    /** The most fetched before a window whose baseline is fetched apart (see {@link #leadIn}). */
    public static final Duration MAX_LEAD_IN = Duration.ofHours(1);
    /** The longest a diagnosis waits for all sources together. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);
    /** Sources asked at once: each mostly waits on the network. */
    public static final int DEFAULT_THREADS = 4;
    /** Fetches waiting for a thread before more are refused. */
    public static final int DEFAULT_QUEUE = 32;

    private final List<TelemetrySource> sources;
    private final IngestService ingest;
    private final TelemetryEntities.Graph graph;
    private final TelemetryAnalyzer analyzer;
    private final LiveBaseline baseline;
    private final Duration deadline;
    private final ThreadPoolExecutor pool;

    /**
     * @param sources  every configured source, Prometheus ones wrapped in
     *                 {@link dev.taproot.ingest.live.PrometheusRangeSource}
     * @param ingest   where the detected signals and edges are stored
     * @param store    the store names are resolved against
     * @param baseline time before the window fetched as baseline
     * @param deadline the longest wait for all sources together
     */
    public ConfiguredSources(List<TelemetrySource> sources, IngestService ingest, GraphStore store, Duration baseline,
                             Duration deadline) {
        this(sources, ingest, store, LiveBaseline.preceding(baseline), deadline);
    }

    /**
     * @param sources  every configured source, Prometheus ones wrapped in
     *                 {@link dev.taproot.ingest.live.PrometheusRangeSource}
     * @param ingest   where the detected signals and edges are stored
     * @param store    the store names are resolved against
     * @param baseline the period the window is compared with
     * @param deadline the longest wait for all sources together
     */
    public ConfiguredSources(List<TelemetrySource> sources, IngestService ingest, GraphStore store, LiveBaseline baseline,
                             Duration deadline) {
        this.sources = List.copyOf(sources);
        this.ingest = ingest;
        this.graph = TelemetryEntities.Graph.of(store);
        this.analyzer = new TelemetryAnalyzer();
        this.baseline = baseline;
        this.deadline = deadline;
        var counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(DEFAULT_QUEUE), r -> {
                    Thread t = new Thread(r, "taproot-live-fetch-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /** The sources asked, in configuration order. */
    public List<TelemetrySource> sources() {
        return sources;
    }

    /** The period each window is compared with. */
    public LiveBaseline baseline() {
        return baseline;
    }

    @Override
    public boolean configured() {
        return !sources.isEmpty();
    }

    /**
     * {@inheritDoc} An empty list asks about the whole system: a metrics source answers every series of its
     * queries, a source asked name by name has nothing to ask.
     */
    @Override
    public Fetched gather(List<String> entityNames, Instant start, Instant end) {
        LiveBaseline.Range before = baseline.rangeFor(start, end);
        boolean apart = baseline.kind() == LiveBaseline.Kind.EARLIER;
        Instant from = apart ? start.minus(leadIn(start, end)) : before.from();
        return gather(entityNames, new AnalysisWindow(start, end), from, apart ? before : null);
    }

    /**
     * Fetches {@code [from, window end]} (the part before the window is its lead-in, or its baseline when
     * {@code apart} is null) and, when {@code apart} is given, that range as the baseline, then detects and
     * stores as {@link #gather(List, Instant, Instant)} does. The case replay names its recorded ranges here.
     */
    public Fetched gather(List<String> entityNames, AnalysisWindow window, Instant from, LiveBaseline.Range apart) {
        if (sources.isEmpty()) {
            return Fetched.NOTHING;
        }
        Instant end = window.end();
        LiveBaseline.Range before = apart == null ? new LiveBaseline.Range(from, window.start()) : apart;
        String baselineText = apart == null || apart.equals(baseline.rangeFor(window.start(), window.end())) ? baseline.toString()
                : apart.from() + ".." + apart.to();
        var fetched = new ArrayList<String>();
        var problems = new ArrayList<String>();
        Map<TelemetrySource, Future<LiveTelemetry>> running = new LinkedHashMap<>();
        Map<TelemetrySource, Future<LiveTelemetry>> baselines = new LinkedHashMap<>();
        for (TelemetrySource source : sources) {
            try {
                running.put(source, pool.submit(() -> source.fetch(entityNames, from, end)));
                if (apart != null) {
                    baselines.put(source, pool.submit(() -> source.fetch(entityNames, before.from(), before.to())));
                }
            } catch (RejectedExecutionException e) {
                problems.add(source.endpoint().label() + ": not asked, all " + DEFAULT_THREADS + " fetch threads are busy");
            }
        }
        long until = System.nanoTime() + deadline.toNanos();
        for (var e : running.entrySet()) {
            TelemetrySource source = e.getKey();
            LiveTelemetry answer = await(source, e.getValue(), until, "", problems);
            if (Thread.currentThread().isInterrupted()) {
                running.values().forEach(f -> f.cancel(true));
                baselines.values().forEach(f -> f.cancel(true));
                break;
            }
            Future<LiveTelemetry> pending = baselines.get(source);
            LiveTelemetry earlier = pending == null ? null
                    : await(source, pending, until, "baseline " + before.from() + ".." + before.to() + ": ", problems);
            if (answer == null) {
                continue;
            }
            answer.notes().forEach(n -> problems.add(n.startsWith(source.endpoint().kind() + " '") ? n : source.endpoint().label() + ": " + n));
            String summary = earlier == null ? answer.summary() : answer.summary() + "; baseline " + baselineText + ": " + earlier.summary();
            fetched.add(source.endpoint().label() + ": " + summary + store(source, answer, earlier, window, before.from(), problems));
        }
        return new Fetched(fetched, problems);
    }

    /**
     * With a baseline fetched apart, the window is fetched from this long before its start (as long as the
     * window, at most {@link #MAX_LEAD_IN}): the detectors tell a move already under way before the window
     * from one that starts in it, and never use that part as baseline.
     */
    static Duration leadIn(Instant start, Instant end) {
        Duration window = Duration.between(start, end);
        return window.compareTo(MAX_LEAD_IN) > 0 ? MAX_LEAD_IN : window;
    }

    /** The answer of one fetch, or null with a problem line (late, failed, interrupted). */
    private LiveTelemetry await(TelemetrySource source, Future<LiveTelemetry> future, long until, String what,
                                List<String> problems) {
        String label = source.endpoint().label();
        try {
            return future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException ex) {
            future.cancel(true);
            problems.add(label + ": " + what + "no answer within the analysis' deadline of " + deadline.toMillis() + " ms");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            problems.add(label + ": " + what + "interrupted");
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            String reason = cause instanceof LiveSourceException ? cause.getMessage() : ErrorMessages.describe(cause);
            if (reason.startsWith(label + ": ")) {
                reason = reason.substring(label.length() + 2);
            }
            problems.add(label + ": " + what + reason);
        }
        return null;
    }

    /** Detects and stores; returns what was stored, as the end of the source's line. */
    private String store(TelemetrySource source, LiveTelemetry answer, LiveTelemetry earlier, AnalysisWindow window,
                         Instant from, List<String> problems) {
        if (answer.spans().isEmpty() && answer.logs().isEmpty() && answer.metrics().isEmpty()) {
            return "";
        }
        var ingestor = new LiveIngestor(source, answer, earlier, window, analyzer, graph);
        try {
            IngestReport report = ingest.ingest(ingestor.input(from), ingestor, false);
            int calls = ingestor.report().count("calls");
            return ", " + report.signals() + (report.signals() == 1 ? " signal" : " signals")
                    + (calls == 0 ? "" : ", " + calls + (calls == 1 ? " call edge" : " call edges"));
        } catch (Exception e) {
            problems.add(source.endpoint().label() + ": fetched but not stored: " + ErrorMessages.describe(e));
            return ", nothing stored";
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
