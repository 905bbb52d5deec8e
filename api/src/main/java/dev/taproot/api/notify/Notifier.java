package dev.taproot.api.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.chatops.AlertGroupListener;
import dev.taproot.api.chatops.ChatAnswer;
import dev.taproot.api.chatops.MattermostActions;
import dev.taproot.api.config.NotificationKind;
import dev.taproot.api.config.NotifyConfig.QuietAction;
import dev.taproot.api.config.NotifyConfig;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.notify.Failures.Failure;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.store.TopologyReads;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Candidate;

/**
 * Sends what the Alertmanager relay's diagnoses found to the configured destinations: one message per
 * failure (an alert group, joined by groups with the same top cause), updated in place as the
 * diagnosis changes and when the failure resolves. Routing, quiet hours and the minimum confidence
 * are decided on the caller's thread; sending runs on a bounded pool with timeouts and limited
 * retries. Nothing here throws to the caller: failures are logged and counted.
 */
public final class Notifier implements AlertGroupListener, AutoCloseable {

    /** How often held notifications are checked for the end of their quiet hours. */
    static final Duration RELEASE_CHECK = Duration.ofSeconds(30);
    static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final NotifyConfig config;
    private final DiagnosisFacts facts;
    private final Router router;
    private final Map<String, NotifyConfig.Destination> destinations = new LinkedHashMap<>();
    private final Map<String, Sender> senders = new LinkedHashMap<>();
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService releases;
    private final Failures failures = new Failures();
    private final Set<Delivery> held = new LinkedHashSet<>();
    private final NotifyCounts counts = new NotifyCounts();
    private final AtomicInteger busy = new AtomicInteger();

    /**
     * @param publicUrl       Taproot's public URL and {@code mattermostToken} the Mattermost command token:
     *                        with both, Mattermost messages carry Confirm/Wrong buttons (either may be null)
     */
    public Notifier(NotifyConfig config, TopologyReads store, Vocabulary vocabulary, String publicUrl, String mattermostToken,
                    Clock clock) {
        this(config, store, vocabulary, MattermostActions.of(publicUrl, mattermostToken), clock, DEFAULT_BACKOFF);
    }

    Notifier(NotifyConfig config, TopologyReads store, Vocabulary vocabulary, MattermostActions actions, Clock clock,
             Duration backoff) {
        this.config = config;
        this.facts = new DiagnosisFacts(store, vocabulary);
        this.router = new Router(config.routes());
        this.clock = clock;
        var http = new NotifyHttp(config.timeout(), config.retries(), backoff);
        for (NotifyConfig.Destination d : config.destinations()) {
            destinations.put(d.name(), d);
            senders.put(d.name(), Senders.of(d, http, actions));
        }
        if (!config.enabled()) {
            this.executor = null;
            this.releases = null;
            return;
        }
        this.executor = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queue()), Thread.ofPlatform().daemon().name("taproot-notify-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        boolean holds = config.routes().stream()
                .anyMatch(r -> r.quietHours() != null && r.quietHours().action() == QuietAction.HOLD);
        this.releases = holds ? Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("taproot-notify-release").factory()) : null;
        if (releases != null) {
            releases.scheduleWithFixedDelay(this::releaseHeld, RELEASE_CHECK.toSeconds(), RELEASE_CHECK.toSeconds(),
                    TimeUnit.SECONDS);
        }
    }

    /** Whether any route can send anything. */
    @Override
    public boolean enabled() {
        return config.enabled();
    }

    /** The configured destinations, by name. */
    public List<NotifyConfig.Destination> destinations() {
        return List.copyOf(destinations.values());
    }

    public NotifyCounts counts() {
        return counts;
    }

    @Override
    public void diagnosed(JsonNode payload, Instant receivedAt, Diagnosis diagnosis, ChatAnswer answer) {
        diagnosed(AlertGroup.of(payload, receivedAt), diagnosis, answer);
    }

    @Override
    public void resolved(JsonNode payload, Instant receivedAt) {
        resolved(AlertGroup.of(payload, receivedAt));
    }

    /**
     * A firing alert group was diagnosed: its failure's message is posted, or updated in place, where
     * the routes say. {@code answer} is the chat answer built from the same {@code diagnosis}.
     */
    public void diagnosed(AlertGroup group, Diagnosis diagnosis, ChatAnswer answer) {
        if (!enabled()) {
            return;
        }
        try {
            List<Entity> entities = facts.entities(diagnosis);
            Set<String> namespaces = union(group.namespaces(), DiagnosisFacts.namespaces(entities));
            Set<String> services = union(group.services(), DiagnosisFacts.names(entities));
            Set<String> teams = union(group.teams(), facts.teams(entities));
            Set<NotificationKind> kinds = facts.kinds(diagnosis);
            Candidate top = diagnosis.analysis().top();
            Instant now = clock.instant();
            synchronized (this) {
                if (failures.resolvedSince(group.groupKey(), group.receivedAt())) {
                    return; // the group resolved while it was being diagnosed
                }
                Failure f = failures.firing(group.groupKey(), top == null ? null : top.entityKey(), group.receivedAt());
                Notification before = f.latest;
                var n = new Notification(f.key, kinds,
                        before == null ? group.severity() : AlertGroup.higher(before.severity(), group.severity()),
                        before == null ? namespaces : union(before.namespaces(), namespaces),
                        before == null ? services : union(before.services(), services),
                        before == null ? teams : union(before.teams(), teams),
                        top == null ? 0 : top.confidence(), answer, f.groups.size(), now);
                f.latest = n;
                dispatch(f, n, now);
            }
        } catch (RuntimeException e) {
            counts.countSkipped(NotifyCounts.ERROR);
            LOG.warn("notifications for alert group {} were not sent: {}", group.groupKey(), e.toString());
        }
    }

    /** An alert group resolved: when it was its failure's last open group, the failure's messages say so. */
    public void resolved(AlertGroup group) {
        if (!enabled()) {
            return;
        }
        Instant now = clock.instant();
        try {
            synchronized (this) {
                Failure f = failures.resolve(group.groupKey(), group.receivedAt());
                if (f == null || f.latest == null) {
                    return;
                }
                Notification n = f.latest.resolvedAt(now);
                f.latest = n;
                dispatch(f, n, now);
                // a diagnosis still held where the resolution is not routed has nothing left to say
                for (Delivery d : f.deliveries.values()) {
                    if (d.held != null && !d.held.resolved()) {
                        d.held = null;
                        held.remove(d);
                    }
                }
            }
        } catch (RuntimeException e) {
            counts.countSkipped(NotifyCounts.ERROR);
            LOG.warn("the resolution of alert group {} was not sent: {}", group.groupKey(), e.toString());
        }
    }

    /** Sends the held notifications whose quiet hours have ended (run every {@link #RELEASE_CHECK}). */
    public void releaseHeld() {
        Instant now = clock.instant();
        synchronized (this) {
            for (var it = held.iterator(); it.hasNext();) {
                Delivery d = it.next();
                if (!d.releaseAt.isAfter(now)) {
                    it.remove();
                    Notification n = d.held;
                    d.held = null;
                    submit(d, n);
                }
            }
        }
    }

    /** Waits until nothing is being sent (tests, shutdown); false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Guarded by this. */
    private void dispatch(Failure f, Notification n, Instant now) {
        for (var e : router.route(n, now).entrySet()) {
            Sender sender = senders.get(e.getKey());
            if (sender == null) {
                continue; // the configuration reader refuses routes to unknown destinations
            }
            Delivery d = f.deliveries.computeIfAbsent(e.getKey(), k -> new Delivery(sender));
            if (n.resolved() && !d.engaged) {
                continue; // a resolution goes only where the failure was shown (or is held)
            }
            Router.Decision decision = e.getValue().decision();
            if (decision == Router.Decision.BELOW_CONFIDENCE && d.engaged) {
                decision = Router.Decision.SEND; // a message once shown is kept current
            }
            switch (decision) {
                case SEND -> {
                    d.engaged = true;
                    d.held = null;
                    held.remove(d);
                    submit(d, n);
                }
                case HOLD -> {
                    d.engaged = true;
                    d.held = n;
                    d.releaseAt = e.getValue().releaseAt();
                    held.add(d);
                    counts.countHeld();
                }
                case QUIET_DROP -> counts.countSkipped(NotifyCounts.QUIET_HOURS);
                case BELOW_CONFIDENCE -> counts.countSkipped(NotifyCounts.BELOW_CONFIDENCE);
                default -> throw new IllegalStateException(decision.name());
            }
        }
    }

    private void submit(Delivery d, Notification n) {
        synchronized (d) {
            d.pending = n;
            if (d.running) {
                return; // the running drain sends it (only the latest state is sent)
            }
            d.running = true;
        }
        busy.incrementAndGet();
        try {
            executor.execute(() -> drain(d));
        } catch (RejectedExecutionException e) {
            synchronized (d) {
                d.running = false;
                d.pending = null;
            }
            busy.decrementAndGet();
            counts.countSkipped(NotifyCounts.QUEUE_FULL);
            LOG.warn("notification senders are at capacity: {} to {} was dropped", n.groupKey(), d.destination());
        }
    }

    private void drain(Delivery d) {
        try {
            while (true) {
                Notification n;
                synchronized (d) {
                    n = d.pending;
                    d.pending = null;
                    if (n == null) {
                        d.running = false;
                        return;
                    }
                }
                deliver(d, n);
            }
        } finally {
            busy.decrementAndGet();
        }
    }

    private void deliver(Delivery d, Notification n) {
        Sender s = d.sender;
        try {
            if (d.messageId == null) {
                d.messageId = s.post(n);
                d.followedUp = n.resolved();
            } else if (s.destination().updatesInPlace()) {
                s.update(d.messageId, n);
            } else if (n.resolved() && !d.followedUp) {
                s.post(n); // the single follow-up, carrying the group key
                d.followedUp = true;
            } else {
                return; // this destination cannot change what it showed; the resolution follows up
            }
            counts.countSent(d.destination());
        } catch (NotifyHttp.SendException | RuntimeException e) {
            counts.countFailed(d.destination());
            LOG.warn("notification {} to {} failed: {}", n.groupKey(), s.destination(), e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public void close() {
        if (releases != null) {
            releases.shutdownNow();
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
