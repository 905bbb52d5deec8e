package dev.taproot.api.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.taproot.api.Taproot;
import dev.taproot.ingest.incidents.CsvColumnMapping;
import dev.taproot.ingest.incidents.IncidentFormats;
import dev.taproot.ingest.incidents.IncidentImporter;
import dev.taproot.ingest.incidents.RecordRejection;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taproot import FILE...}: imports incident history (NDJSON, CSV, PagerDuty JSON, Markdown
 * postmortems; folders are walked) into the graph and the search index, streaming, with a progress
 * bar; rejected records go to a rejects file with their line, field and reason. The last line is
 * {@code import: <n> incidents, <r> rejected, <rate>/s}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import past incidents (NDJSON, CSV, PagerDuty JSON, Markdown postmortems) into the graph and index.")
public final class ImportCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to import.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "ndjson, csv, pagerduty or postmortem (default: from the file name).")
    String format;

    @Option(names = "--csv-mapping", paramLabel = "MAPPING",
            description = "CSV columns: jira, servicenow, or field=Column pairs separated by commas (default: detected from the header).")
    String csvMapping;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Where rejected records go (default: import-rejects.ndjson).")
    Path rejectsFile = Path.of("import-rejects.ndjson");

    @Option(names = "--no-progress", description = "No progress bar (it is also off when the output is not a terminal).")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = expand(files);
        CsvColumnMapping mapping = csvMapping == null ? null : CsvColumnMapping.parse(csvMapping);
        long totalBytes = 0;
        for (Path p : inputs) {
            totalBytes += Files.size(p);
        }
        try (Taproot taproot = Taproot.start(options.config());
             var rejects = new RejectsFile(rejectsFile);
             ProgressBar bar = progressBar(totalBytes)) {
            var total = new IncidentImporter.Summary(0, 0, java.time.Duration.ZERO);
            var lines = new ProgressLines(totalBytes);
            long doneBytes = 0;
            for (Path file : inputs) {
                long base = doneBytes;
                long before = total.imported();
                var summary = taproot.memory().importFrom(IncidentFormats.open(file, format, mapping),
                        new IncidentImporter.Listener() {
                            @Override
                            public void progress(long imported, long rejected, long bytesRead) {
                                if (bar != null) {
                                    bar.stepTo(Math.min(base + bytesRead, bar.getMax()));
                                    bar.setExtraMessage(String.format(Locale.ROOT, "%d incidents", before + imported));
                                } else if (!noProgress) {
                                    lines.print(before + imported, rejected, base + bytesRead);
                                }
                            }

                            @Override
                            public void rejected(RecordRejection r) {
                                rejects.write(r);
                            }
                        });
                doneBytes += Files.size(file);
                total = total.plus(summary);
            }
            if (bar != null) {
                bar.stepTo(bar.getMax());
            }
            if (total.rejected() > 0) {
                System.err.println("import: " + total.rejected() + " rejected records in " + rejectsFile
                        + " (first: " + rejects.first + ")");
            }
            System.out.println(total.line());
            return 0;
        }
    }

    private ProgressBar progressBar(long totalBytes) {
        if (noProgress || System.console() == null) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("import").setInitialMax(Math.max(1, totalBytes))
                .setUnit(" MiB", 1024 * 1024).showSpeed().setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).build();
    }

    /**
     * Progress without a terminal: a line on stderr at most every {@link #EVERY_NANOS}, each saying how
     * many incidents are acknowledged (stored) so far, with rate and ETA.
     */
    private static final class ProgressLines {
        static final long EVERY_NANOS = 2_000_000_000L;
        private final long totalBytes;
        private final long t0 = System.nanoTime();
        private long last = t0;

        ProgressLines(long totalBytes) {
            this.totalBytes = totalBytes;
        }

        void print(long imported, long rejected, long bytes) {
            long now = System.nanoTime();
            if (now - last < EVERY_NANOS) {
                return;
            }
            last = now;
            double s = (now - t0) / 1e9;
            double eta = bytes == 0 ? 0 : s * Math.max(0, totalBytes - bytes) / bytes;
            System.err.printf(Locale.ROOT, "import: %d incidents acknowledged, %d rejected, %.0f/s, %.0f%%, ETA %.0f s%n",
                    imported, rejected, imported / Math.max(s, 1e-9), 100.0 * bytes / Math.max(1, totalBytes), eta);
        }
    }

    /** Files as given, folders walked for files of a known format, in name order. */
    static List<Path> expand(List<Path> paths) {
        var out = new ArrayList<Path>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> IncidentFormats.formatOf(f.getFileName().toString()) != null)
                            .sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException("no such file: " + p);
            }
        }
        return out;
    }

    /** Rejected records, one JSON object a line: file, line, field, reason. Created on the first rejection. */
    private static final class RejectsFile implements AutoCloseable {
        private final Path path;
        private BufferedWriter out;
        String first;

        RejectsFile(Path path) {
            this.path = path;
        }

        void write(RecordRejection r) {
            try {
                if (out == null) {
                    out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                    first = r.toString();
                }
                var m = new java.util.LinkedHashMap<String, Object>();
                m.put("file", r.source());
                m.put("line", r.line());
                m.put("field", r.field());
                m.put("reason", r.reason());
                out.write(JSON.writeValueAsString(m));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
