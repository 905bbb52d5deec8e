package dev.taproot.api.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.taproot.api.Taproot;
import dev.taproot.ingest.IngestReport;
import dev.taproot.ingest.IngestService;
import dev.taproot.ingest.Rejection;
import dev.taproot.ingest.standard.StandardIngestors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taproot ingest PATH...}: ingests files and folders (format detected per file from its suffix
 * and content; topology before signals), each file in one transaction. Prints counts per type, then
 * rejected records with file, location and reason; the last line is
 * {@code ingest: <n> entities, <m> relationships, <s> signals, <r> rejected}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest topology and signal files or folders into the graph.")
public final class IngestCommand implements Callable<Integer> {

    /** Above this many files a progress bar is shown. */
    static final int PROGRESS_FROM_FILES = 8;

    @Mixin
    StoreOptions options;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--cluster", description = "Also read the live cluster of the current kubeconfig context "
            + "(or the in-cluster service account) through the Kubernetes API.")
    boolean cluster;

    @Option(names = "--watch", description = "With --cluster: keep watching the cluster (informers) and ingest "
            + "every change until stopped with Ctrl-C.")
    boolean watch;

    @Option(names = "--watch-interval", defaultValue = "PT10S", paramLabel = "DURATION",
            description = "With --watch: ingest changes at most this often (ISO-8601, default: ${DEFAULT-VALUE}).")
    java.time.Duration watchInterval;

    @Option(names = "--max-rejections", defaultValue = "50",
            description = "How many rejected records to list (default: ${DEFAULT-VALUE}); all are counted.")
    int maxRejections;

    @Override
    public Integer call() {
        if (paths.isEmpty() && !cluster) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "give at least one PATH, or --cluster");
        }
        try (Taproot taproot = Taproot.start(options.config())) {
            var service = new IngestService(taproot.store(), StandardIngestors.registry(taproot.store()));
            int code = paths.isEmpty() ? 0 : run(service, paths, System.out, System.err, maxRejections);
            if (cluster) {
                code = Math.max(code, ingestCluster(service));
            }
            return code;
        }
    }

    private int ingestCluster(IngestService service) {
        var kube = io.fabric8.kubernetes.client.Config.autoConfigure(null);
        try (var client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(kube).build()) {
            String source = "cluster:" + client.getMasterUrl();
            IngestReport report;
            try {
                report = dev.taproot.ingest.kubernetes.ClusterSnapshot.ingest(client, service, source);
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                throw new IllegalStateException(ClusterTried.describe(kube, e), e);
            }
            print(System.out, List.of(report), List.of(), maxRejections, List.of());
            if (!watch) {
                return 0;
            }
            System.out.println("watching " + client.getMasterUrl() + " (Ctrl-C stops)");
            var stopped = new java.util.concurrent.CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "taproot-watch-stop"));
            try (var w = dev.taproot.ingest.kubernetes.ClusterWatch.start(client, service, source, watchInterval,
                    r -> System.out.println(r.summaryLine() + (r.closed() > 0 ? ", " + r.closed() + " closed" : "")))) {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    /** Ingests and reports; returns the exit code (1 when a file could not be read). */
    static int run(IngestService service, List<Path> paths, PrintStream out, PrintStream err, int maxRejections) {
        var errors = new ArrayList<Rejection>();
        var planned = service.plan(paths, problem -> errors.add(new Rejection(problem, "file", "cannot ingest")));
        List<IngestReport> reports;
        if (planned.size() >= PROGRESS_FROM_FILES) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(planned.size())
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                    .build()) {
                reports = service.ingestPlanned(planned, Instant.now(), p -> {
                    bar.step();
                    bar.setExtraMessage(p.file().getFileName().toString());
                    if (p.error() != null) {
                        errors.add(new Rejection(p.file().toString(), "file", p.error()));
                    }
                });
            }
        } else {
            reports = service.ingestPlanned(planned, Instant.now(), p -> {
                if (p.error() != null) {
                    errors.add(new Rejection(p.file().toString(), "file", p.error()));
                } else {
                    out.println("ingested " + p.file() + " (" + p.report().format() + ")");
                }
            });
        }
        int code = print(out, reports, errors, maxRejections, service.unresolved(maxRejections));
        return code;
    }

    /** Prints counts per type, rejections and the summary line; 1 when a file could not be read. */
    static int print(PrintStream out, List<IngestReport> reports, List<Rejection> errors, int maxRejections,
                     List<String> unresolved) {
        IngestReport total = IngestReport.total("*", reports);
        if (!total.accepted().isEmpty()) {
            out.println("records per type:");
            total.accepted().forEach((k, v) -> out.printf("  %-32s %d%n", k, v));
        }
        if (total.closed() > 0) {
            out.println("relationships closed (no longer reported): " + total.closed());
        }
        var rejected = new ArrayList<Rejection>(errors);
        rejected.addAll(total.rejected());
        if (!rejected.isEmpty()) {
            out.println("rejected:");
            rejected.stream().limit(maxRejections).forEach(r -> out.println("  " + r));
            if (rejected.size() > maxRejections) {
                out.println("  ... and " + (rejected.size() - maxRejections) + " more");
            }
        }
        // catalog references met before their target file are resolved by later files: list what remains
        total.notes().stream().filter(n -> !n.startsWith("unresolved catalog reference")).distinct().limit(20)
                .forEach(n -> out.println("note: " + n));
        if (!unresolved.isEmpty()) {
            out.println("unresolved references (placeholders until a source describes them): "
                    + String.join(", ", unresolved));
        }
        out.println("ingest: " + total.entities() + " entities, " + total.relationships() + " relationships, "
                + total.signals() + " signals, " + rejected.size() + " rejected");
        return errors.isEmpty() ? 0 : 1;
    }
}
