package dev.taproot.api.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import dev.taproot.api.http.TaprootServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taproot serve}: runs the HTTP API until SIGTERM or Ctrl-C, then shuts down cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Taproot server (REST API).")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules directory overriding the built-in pack, reloaded on change (default: rules.directory, $TAPROOT_RULES).")
    Path rulesDir;

    @Override
    public Integer call() throws InterruptedException {
        org.slf4j.LoggerFactory.getLogger(ServeCommand.class).info("JVM and command line ready in {} ms",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        var config = options.config(rulesDir);
        Taproot taproot = Taproot.start(config);
        TaprootServer server;
        try {
            server = TaprootServer.start(taproot);
        } catch (RuntimeException e) {
            taproot.close();
            throw e;
        }
        System.out.println("taproot: serving " + config.http().scheme() + "://" + config.httpHost() + ":" + server.port() + "/api/v1/health"
                + " (graph: " + taproot.store().describe() + ")");
        awaitShutdown(taproot, server);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes the server and the store in order. */
    static void awaitShutdown(Taproot taproot, AutoCloseable server) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        var done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "taproot-shutdown"));
        stopped.await();
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("taproot: stopping the server: " + dev.taproot.graph.store.ErrorMessages.describe(e));
        } finally {
            taproot.close();
            System.err.println("taproot: stopped");
            done.countDown();
        }
    }
}
