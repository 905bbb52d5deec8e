package dev.taproot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Start-up time of {@code taproot serve}: spawns the real launcher on a fresh data folder and a free port,
 * times process start to {@code /livez} and {@code /readyz} answering 200, stops it, N times; then prints
 * p50/max and where the time went, from the server's one-line phase timings ({@link StartupPhases}).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Time './taproot serve' from process start to /livez and /readyz answering (goal: <= 15 s on 2 cores).")
public final class StartupBench implements Callable<Integer> {

    static final double GOAL_SECONDS = 15;

    @Option(names = "--runs", defaultValue = "5", description = "Starts to time (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--launcher", description = "The launcher to run (default: <taproot.home>/taproot).")
    Path launcher;

    @Option(names = "--keep-data", description = "Reuse one data folder for every run (a restart), instead of a fresh one each time.")
    boolean keepData;

    @Override
    public Integer call() throws Exception {
        Path script = launcher != null ? launcher : Path.of(System.getProperty("taproot.home", "."), "taproot");
        Path work = Files.createTempDirectory("taproot-bench-startup");
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long[] live = new long[runs];
        long[] ready = new long[runs];
        List<Map<String, Long>> phases = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                Path data = work.resolve(keepData ? "data" : "data-" + run);
                Path log = work.resolve("serve-" + run + ".log");
                int port = freePort();
                var pb = new ProcessBuilder(script.toString(), "serve", "--data", data.toString(), "--port", Integer.toString(port))
                        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
                pb.environment().put("TAPROOT_OPEN_ACCESS", "true");
                pb.environment().put("TAPROOT_HTTP_HOST", "127.0.0.1");
                long t0 = System.nanoTime();
                Process p = pb.start();
                try {
                    live[run] = await(http, port, "/livez", t0, p);
                    ready[run] = await(http, port, "/readyz", t0, p);
                } finally {
                    stop(p);
                }
                Map<String, Long> phase = StartupPhases.parse(Files.readAllLines(log));
                phases.add(phase);
                System.out.printf("run %d: /livez after %.2f s, /readyz after %.2f s; %s%n", run + 1, live[run] / 1e9, ready[run] / 1e9, phase);
            }
        } finally {
            GraphBench.deleteTree(work);
        }
        Stats l = Stats.ofNanos(live);
        Stats r = Stats.ofNanos(ready);
        System.out.println();
        System.out.printf("%-34s %10s %10s%n", "phase (server's own timings)", "p50 ms", "max ms");
        for (var e : StartupPhases.medians(phases).entrySet()) {
            System.out.printf("%-34s %10d %10d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        System.out.printf("%-34s %10.0f %10.0f%n", "process start -> /livez 200", l.p50(), l.max());
        System.out.printf("%-34s %10.0f %10.0f%n", "process start -> /readyz 200", r.p50(), r.max());
        System.out.printf("bench startup: %d runs, /readyz answering after p50 %.2f s, max %.2f s (/livez p50 %.2f s); goal <= %.0f s on 2 cores: %s%n",
                runs, r.p50() / 1000, r.max() / 1000, l.p50() / 1000, GOAL_SECONDS, r.max() / 1000 <= GOAL_SECONDS ? "met" : "not met");
        return 0;
    }

    private static long await(HttpClient http, int port, String path, long t0, Process p) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(2)).build();
        long giveUp = t0 + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < giveUp) {
            if (!p.isAlive()) {
                throw new IllegalStateException("taproot serve exited with " + p.exitValue() + " before " + path + " answered");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime() - t0;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(path + " did not answer within 180 s");
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
