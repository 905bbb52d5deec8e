package dev.taproot.api.chatops;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.security.SlackSignature;
import dev.taproot.api.web.Routes;

/**
 * Builds the ChatOps front ends (Slack, Mattermost, JSON webhook, Alertmanager relay) over one
 * {@link ChatResponder}, from the {@linkplain ChatOpsParts parts of the application} they use and their
 * {@link ChatOpsConfig}.
 */
public final class ChatOps implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final ChatResponder responder;
    private final List<Routes> routes;
    private final FeedbackSink feedback;

    /** The front ends over {@code parts}; {@code analysisNanos} is told how long each analysis took. */
    public ChatOps(ChatOpsParts parts, ChatOpsConfig config, LongConsumer analysisNanos) {
        this(parts, config, analysisNanos, new GraphFeedbackSink(parts.store(), parts.storedFeedback()));
    }

    /** As above, with feedback going to {@code feedback}. */
    public ChatOps(ChatOpsParts parts, ChatOpsConfig config, LongConsumer analysisNanos, FeedbackSink feedback) {
        // a bounded queue: past it, work is refused (RejectedExecutionException) and the front ends say they are busy
        this.executor = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queue()), Thread.ofPlatform().daemon().name("taproot-chatops-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        this.feedback = feedback;
        this.responder = new ChatResponder(parts.directory(), parts.diagnose(), parts.memory(),
                parts.views(), parts.health(), Clock.systemUTC(), analysisNanos, parts.actions().enabled());
        var poster = new ResponsePoster(config.responseUrlPrefixes());
        SlackSignature signature = config.slackSigningSecret() == null ? null : new SlackSignature(config.slackSigningSecret());
        this.routes = List.of(
                new SlackRoutes(signature, responder, feedback, poster, executor,
                        new SlackActions(parts.actions(), config.slackAdmins(), poster, executor)),
                new BotRoutes(responder, config.mattermostToken(),
                        MattermostActions.of(config.explorerUrl(), config.mattermostToken()), feedback),
                new AlertmanagerRelay(parts.ingest(), responder, poster,
                        config.slackWebhookUrl(), executor, parts.notifier(), new UserFacing(parts.store(), parts.vocabulary())));
    }

    /** The routes areas to register. */
    public List<Routes> routes() {
        return routes;
    }

    public ChatResponder responder() {
        return responder;
    }

    public FeedbackSink feedback() {
        return feedback;
    }

    /** The pool answers are computed on (tests fill it to see the front ends shed load). */
    ThreadPoolExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
