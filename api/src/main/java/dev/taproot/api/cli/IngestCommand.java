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
import dev.taproot.ingest.StandardIngestors;
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

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--max-rejections", defaultValue = "50",
            description = "How many rejected records to list (default: ${DEFAULT-VALUE}); all are counted.")
    int maxRejections;

    @Override
    public Integer call() {
        try (Taproot taproot = Taproot.start(options.config())) {
            var service = new IngestService(taproot.store(), StandardIngestors.registry());
            return run(service, paths, System.out, System.err, maxRejections);
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
        total.notes().stream().distinct().limit(20).forEach(n -> out.println("note: " + n));
        out.println("ingest: " + total.entities() + " entities, " + total.relationships() + " relationships, "
                + total.signals() + " signals, " + rejected.size() + " rejected");
        return errors.isEmpty() ? 0 : 1;
    }
}
