package dev.taproot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.taproot.ingest.logs.Drain;
import dev.taproot.ingest.logs.LogConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times online template mining: the raw lines of every loghub 2k system, repeated, through one
 * {@link Drain} per system (as one service's log stream would be).
 */
@Command(name = "telemetry-logs", mixinStandardHelpOptions = true,
        description = "Time Drain template mining on loghub lines (goal: >= 100k lines/s).")
public final class TelemetryLogsBench implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "The shared data folder.")
    Path data;

    @Option(names = "--repeat", defaultValue = "10", description = "Times each file is fed.")
    int repeat;

    @Option(names = "--raw", description = "Feed the raw lines with their headers (timestamps, hosts) instead of the "
            + "message part (the Content column, as the loghub parsing benchmark does and as OTLP bodies usually are).")
    boolean raw;

    @Override
    public Integer call() throws Exception {
        Path root = data.resolve("logs-loghub-2k");
        List<List<String>> systems = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path log = dir.resolve(dir.getFileName() + "_2k.log");
                Path csv = dir.resolve(dir.getFileName() + "_2k.log_structured.csv");
                if (raw && Files.exists(log)) {
                    systems.add(Files.readAllLines(log));
                } else if (!raw && Files.exists(csv)) {
                    systems.add(contents(csv));
                }
            }
        }
        long lines = 0;
        int templates = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (List<String> s : systems) {
                var drain = new Drain(LogConfig.DEFAULTS);
                s.forEach(drain::add);
            }
        }
        long t0 = System.nanoTime();
        for (List<String> s : systems) {
            var drain = new Drain(LogConfig.DEFAULTS);
            for (int r = 0; r < repeat; r++) {
                for (String line : s) {
                    drain.add(line);
                }
                lines += s.size();
            }
            templates += drain.templates().size();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("telemetry-logs (" + (raw ? "raw lines" : "message part") + "): %d lines from %d systems mined into %d templates in %.2f s: %.0f lines/s (goal >= 100000)%n",
                lines, systems.size(), templates, secs, lines / secs);
        return 0;
    }

    private static List<String> contents(Path csv) throws java.io.IOException {
        var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader();
        var out = new ArrayList<String>();
        try (com.fasterxml.jackson.databind.MappingIterator<java.util.Map<String, String>> it =
                     mapper.readerFor(java.util.Map.class).with(schema).readValues(Files.newBufferedReader(csv))) {
            while (it.hasNext()) {
                out.add(it.next().get("Content"));
            }
        }
        return out;
    }
}
