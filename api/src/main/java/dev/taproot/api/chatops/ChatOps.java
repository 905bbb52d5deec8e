package dev.taproot.api.chatops;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import dev.taproot.api.Taproot;
import dev.taproot.api.web.Routes;
import dev.taproot.api.security.SlackSignature;

/**
 * Builds the ChatOps front ends (Slack, Mattermost, JSON webhook, Alertmanager relay) over one
 * {@link ChatResponder}, from the application and its {@link ChatOpsConfig}.
 */
public final class ChatOps implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final ChatResponder responder;
    private final List<Routes> routes;
    private final FeedbackSink feedback;

    public ChatOps(Taproot taproot, ChatOpsConfig config, LongConsumer analysisNanos) {
        this(taproot, config, analysisNanos, new GraphFeedbackSink(taproot.store(), taproot.versions()::learnFrom));
    }

    public ChatOps(Taproot taproot, ChatOpsConfig config, LongConsumer analysisNanos, FeedbackSink feedback) {
        // a bounded queue: past it, work is refused (RejectedExecutionException) and the front ends say they are busy
        this.executor = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queue()), Thread.ofPlatform().daemon().name("taproot-chatops-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        this.feedback = feedback;
        this.responder = new ChatResponder(taproot.directory(), taproot.diagnose(), taproot.memory(),
                taproot.views(), taproot.health(), Clock.systemUTC(), analysisNanos, taproot.actions().enabled());
        var poster = new ResponsePoster(config.responseUrlPrefixes());
        SlackSignature signature = config.slackSigningSecret() == null ? null : new SlackSignature(config.slackSigningSecret());
        this.routes = List.of(
                new SlackRoutes(signature, responder, feedback, poster, executor,
                        new SlackActions(taproot.actions(), config.slackAdmins(), poster, executor)),
                new BotRoutes(responder, config.mattermostToken(),
                        MattermostActions.of(config.explorerUrl(), config.mattermostToken()), feedback),
                new AlertmanagerRelay(taproot.ingest(), responder, poster,
                        config.slackWebhookUrl(), executor, taproot.notifier(), new UserFacing(taproot.store(), taproot.vocabulary())));
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
