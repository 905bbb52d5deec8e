package dev.taproot.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.taproot.api.Taproot;
import dev.taproot.api.chatops.ChatOps;
import dev.taproot.api.chatops.ChatOpsParts;
import dev.taproot.api.config.Tunables;
import dev.taproot.api.explorer.ExplorerRoutes;
import dev.taproot.api.mcp.McpRoutes;
import dev.taproot.api.mcp.TaprootMcp;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.web.AuthFilter;
import dev.taproot.api.web.ExportGate;
import dev.taproot.api.web.Json;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.Routes;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.standard.StandardIngestors;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;

/**
 * Taproot's HTTP server: every routes area registered explicitly, every endpoint behind the auth
 * filter, errors as RFC 9457 problem details, one structured log line per request, metrics, and a
 * graceful stop that lets running requests finish.
 */
public final class TaprootServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaprootServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.taproot.access");
    /** Request bodies above this are refused with 413 (bulk import streams and has its own limit). */
    public static final long DEFAULT_MAX_BODY_BYTES = Tunables.DEFAULT_MAX_BODY_BYTES;
    /** How long a stop waits for running requests. */
    public static final long STOP_TIMEOUT_MS = 5_000;

    private final Javalin app;
    private final TaprootMetrics metrics;
    private final ChatOps chatops;
    private final ExportGate exports;

    private final PrometheusPulls pulls;
    private final McpRoutes mcp;

    private TaprootServer(Javalin app, TaprootMetrics metrics, ChatOps chatops, PrometheusPulls pulls, ExportGate exports,
                          McpRoutes mcp) {
        this.exports = exports;
        this.mcp = mcp;
        this.app = app;
        this.metrics = metrics;
        this.chatops = chatops;
        this.pulls = pulls;
    }

    /** The routes areas of the API, in registration order. */
    static List<Routes> routes(Taproot taproot, TaprootMetrics metrics, ServerOptions options, ChatOps chatops,
                               PrometheusPulls pulls, ExportGate exports) {
        var routes = new ArrayList<Routes>();
        routes.add(new HealthRoutes(taproot));
        routes.add(new VocabularyRoutes());
        routes.add(new IncidentRoutes(taproot));
        routes.add(new OpenApiRoutes());
        routes.add(new MetricsRoutes(metrics));
        routes.add(new ExplorerRoutes(taproot.store(), taproot.directory(), taproot.views(), taproot.timeline(),
                taproot.health(), taproot.cypher(), options.requestTimeout()));
        routes.addAll(chatops.routes());
        routes.add(new AnalysisRoutes(taproot));
        routes.add(new IngestRoutes(taproot.ingest(), taproot.store(),
                exports));
        routes.add(new TelemetryRoutes(taproot.store(), new dev.taproot.ingest.telemetry.TelemetryAnalyzer(), pulls,
                options.maxBodyBytes(), taproot::pushed, taproot::pushedWrites));
        routes.add(new FeedbackRoutes(taproot));
        routes.add(new ActionRoutes(taproot.actions()));
        routes.add(new DriftRoutes(taproot.store(), taproot.versions()));
        return routes;
    }

    /**
     * Builds and starts the server as the configuration says (see {@link ServerOptions#from}). When no
     * token is configured and open access was not asked for, an admin token is generated for this run
     * and printed once.
     */
    public static TaprootServer start(Taproot taproot) {
        SecurityConfig security = taproot.config().security();
        if (security.acceptsNothing()) {
            SecurityConfig.Issued issued = security.issue("generated-admin", dev.taproot.api.security.Role.ADMIN);
            System.out.println("taproot: no API token configured (security.tokens / TAPROOT_TOKENS / TAPROOT_TOKENS_FILE); "
                    + "admin token for this run: " + issued.secret());
            security = issued.config();
        }
        return start(taproot, security);
    }

    /** Builds and starts the server as configured, with these tokens. */
    public static TaprootServer start(Taproot taproot, SecurityConfig security) {
        return start(taproot, ServerOptions.from(taproot.config()).withSecurity(security));
    }

    /**
     * Starts a server with open access, for tests and tools on this machine: refused unless
     * {@code host} is a loopback address. Production callers pass a {@link SecurityConfig}.
     */
    public static TaprootServer start(Taproot taproot, String host, int port) {
        return start(taproot, ServerOptions.of(host, port, SecurityConfig.openLoopback()));
    }

    public static TaprootServer start(Taproot taproot, ServerOptions options) {
        long t0 = System.nanoTime();
        TaprootServer server = build(taproot, options);
        LOG.info("HTTP server started in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    private static TaprootServer build(Taproot taproot, ServerOptions options) {
        var metrics = new TaprootMetrics(taproot.store(), taproot.config().indexDir());
        metrics.bindNotifications(taproot.notifier());
        var chatops = new ChatOps(new ChatOpsParts(taproot.directory(), taproot.diagnose(), taproot.memory(), taproot.views(),
                taproot.health(), taproot.actions(), taproot.ingest(), taproot.notifier(), taproot.store(),
                taproot.vocabulary(), taproot.versions()::learnFrom), options.chatops(), metrics::recordAnalysis);
        var pulls = new PrometheusPulls(options.prometheus());
        var exports = new ExportGate(options.tunables().exportConcurrency());
        List<Routes> areas = new ArrayList<>(routes(taproot, metrics, options, chatops, pulls, exports));
        var mcp = new McpRoutes(new TaprootMcp(taproot), options.security().openAccess(), options.maxBodyBytes());
        areas.add(mcp);
        var auth = new AuthFilter(options.security());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.asyncTimeout = options.requestTimeout().toMillis() * 3;
            HttpTransport.configure(config, options.http());
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setErrorHandler(new ProblemErrorHandler());
            });
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
            config.routes.before(new SecurityHeaders());
            config.routes.beforeMatched(auth);
            config.routes.exception(Problem.class, (e, ctx) -> e.writeTo(ctx));
            config.routes.exception(dev.taproot.graph.store.PartialWriteException.class, (e, ctx) -> {
                LOG.error("request {} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
                new Problem(503, "Service unavailable", e.getMessage(), java.util.Map.of("batch", e.batchId(),
                        "committedTransactions", e.committed(), "transactions", e.transactions(), "retryAfterSeconds", 10L))
                        .writeTo(ctx);
            });
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> Problem.badRequest(dev.taproot.graph.store.ErrorMessages.describe(e)).writeTo(ctx));
            config.routes.exception(HttpResponseException.class,
                    (e, ctx) -> Problem.ofStatus(e.getStatus(), responseDetail(e, ctx)).writeTo(ctx));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                new Problem(500, "Internal error", "the request failed; the server log has the details").writeTo(ctx);
            });
            // every error status Javalin may answer on its own becomes a problem document
            // (a deliberate answer with a body of its own, such as /health's 503, is left alone)
            var javalinDefaults = java.util.Set.of(400, 404, 405, 413, 500);
            for (int status = 400; status < 600; status++) {
                config.routes.error(status, ctx -> {
                    String type = ctx.res().getContentType();
                    boolean ownBody = ctx.resultInputStream() != null && !javalinDefaults.contains(ctx.statusCode());
                    if ((type == null || !type.startsWith(Problem.MEDIA_TYPE)) && !ownBody) {
                        Problem.ofStatus(ctx.statusCode(), defaultDetail(ctx)).writeTo(ctx);
                    }
                });
            }
            config.requestLogger.http((ctx, ms) -> {
                Endpoint matched = ctx.endpoints().lastHttpEndpoint();
                String route = matched == null ? "unmatched" : matched.path;
                metrics.recordRequest(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
                if ("/api/v1/analyses".equals(route) && ctx.statusCode() == 200) {
                    metrics.recordAnalysis((long) (ms * 1_000_000));
                }
                if (ctx.statusCode() == 401) {
                    auth.failedAuthentication(ctx.ip());
                }
                ApiToken token = ctx.attribute(AuthFilter.TOKEN_ATTRIBUTE);
                ACCESS.info("method={} path={} route={} status={} ms={} token={} ip={}", ctx.method(), ctx.path(), route,
                        ctx.statusCode(), String.format(Locale.ROOT, "%.1f", ms), token == null ? "-" : token.name(), ctx.ip());
            });
            areas.forEach(area -> area.register(config));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            mcp.close();
            chatops.close();
            pulls.close();
            throw e;
        }
        return new TaprootServer(app, metrics, chatops, pulls, exports, mcp);
    }

    private static String responseDetail(HttpResponseException e, io.javalin.http.Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
            case 413 -> "the request body is larger than the server accepts";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? Problem.titleOf(e.getStatus()) : e.getMessage();
        };
    }

    private static String defaultDetail(io.javalin.http.Context ctx) {
        return switch (ctx.statusCode()) {
            case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the request body is larger than the server accepts";
            default -> Problem.titleOf(ctx.statusCode());
        };
    }

    public int port() {
        return app.port();
    }

    public Javalin javalin() {
        return app;
    }

    public TaprootMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        try {
            mcp.close();
            app.stop();
        } finally {
            chatops.close();
            pulls.close();
        }
    }

    /** The bound on concurrent graph exports (tests fill it). */
    public ExportGate exports() {
        return exports;
    }

    /** The ChatOps front ends (for tests and the lead's demo). */
    public ChatOps chatops() {
        return chatops;
    }
}
