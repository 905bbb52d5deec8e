package dev.taproot.api.http;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.api.Taproot;
import io.javalin.Javalin;

/** Taproot's HTTP server: every routes area registered explicitly, errors as problem details. */
public final class TaprootServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaprootServer.class);
    /** Request bodies above this are refused with 413 (bulk import streams and has its own limit). */
    public static final long DEFAULT_MAX_BODY_BYTES = 50L * 1024 * 1024;

    private final Javalin app;

    private TaprootServer(Javalin app) {
        this.app = app;
    }

    /** The routes areas of the API, in registration order. */
    static List<Routes> routes(Taproot taproot) {
        var routes = new ArrayList<Routes>();
        routes.add(new HealthRoutes(taproot));
        routes.add(new VocabularyRoutes(taproot.vocabulary()));
        routes.add(new IncidentRoutes(taproot));
        routes.add(new FeedbackRoutes(taproot));
        return routes;
    }

    /** Builds and starts the server on the configured host and port. */
    public static TaprootServer start(Taproot taproot) {
        return start(taproot, taproot.config().httpHost(), taproot.config().httpPort());
    }

    public static TaprootServer start(Taproot taproot, String host, int port) {
        List<Routes> areas = routes(taproot);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = DEFAULT_MAX_BODY_BYTES;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.exception(Problem.class, (e, ctx) -> e.writeTo(ctx));
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> Problem.badRequest(e.getMessage()).writeTo(ctx));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                new Problem(500, "Internal error", "the request failed; the server log has the details").writeTo(ctx);
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    Problem.notFound("no such endpoint: " + ctx.method() + " " + ctx.path()).writeTo(ctx);
                }
            });
            areas.forEach(area -> area.register(config));
        }).start();
        return new TaprootServer(app);
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
