package dev.taproot.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.testing.SharedData;

class DrainTest {

    @Test
    void linesDifferingInVariablesShareATemplate() {
        var drain = new Drain(LogConfig.DEFAULTS);
        LogTemplate a = drain.add("Connection to 10.0.0.1:5432 failed after 30 ms");
        LogTemplate b = drain.add("Connection to 10.0.0.7:5432 failed after 120 ms");
        LogTemplate c = drain.add("Session opened for user alice");
        LogTemplate d = drain.add("Session opened for user bob");
        assertThat(a).isSameAs(b);
        assertThat(a.text()).isEqualTo("Connection to <*>:<*> failed after <*> ms");
        assertThat(c).isSameAs(d).isNotSameAs(a);
        assertThat(c.text()).isEqualTo("Session opened for user <*>");
        assertThat(c.count()).isEqualTo(2);
    }

    @Test
    void groupingAccuracyOnLoghubIsAtDrainsPublishedLevelForMostSystems() throws IOException {
        Path root = SharedData.require("logs-loghub-2k");
        Map<String, Double> accuracy = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path csv = dir.resolve(dir.getFileName() + "_2k.log_structured.csv");
                if (Files.exists(csv)) {
                    accuracy.put(dir.getFileName().toString(),
                            LoghubAccuracy.groupingAccuracy(LoghubAccuracy.read(csv), LogConfig.DEFAULTS));
                }
            }
        }
        var sb = new StringBuilder("loghub-2k grouping accuracy (Drain, default masks)\n| system | accuracy |\n|---|---|\n");
        accuracy.forEach((s, a) -> sb.append(String.format("| %s | %.3f |%n", s, a)));
        sb.append(String.format("| mean | %.3f |%n", accuracy.values().stream().mapToDouble(d -> d).average().orElse(0)));
        System.out.println(sb);
        long atBar = accuracy.values().stream().filter(a -> a >= 0.9).count();
        assertThat(accuracy).hasSizeGreaterThanOrEqualTo(10);
        assertThat(atBar).isGreaterThanOrEqualTo(accuracy.size() / 2);
    }

    /** Settings sweep for tuning, on demand: {@code -Dtaproot.sweep=true}. */
    @Test
    void sweep() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("taproot.sweep"), "sweep on demand");
        Path root = SharedData.require("logs-loghub-2k");
        var data = new TreeMap<String, java.util.List<LoghubAccuracy.Line>>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path csv = dir.resolve(dir.getFileName() + "_2k.log_structured.csv");
                if (Files.exists(csv)) {
                    data.put(dir.getFileName().toString(), LoghubAccuracy.read(csv));
                }
            }
        }
        for (int depth : new int[] {3, 4, 5}) {
            for (double st : new double[] {0.3, 0.4, 0.5, 0.6, 0.7}) {
                var cfg = new LogConfig(depth, st, 100, LogConfig.DEFAULT_ERROR_LEVELS, 1, 3.0, 2);
                var sb = new StringBuilder(String.format("depth=%d st=%.1f", depth, st));
                double sum = 0;
                int atBar = 0;
                for (var e : data.entrySet()) {
                    double a = LoghubAccuracy.groupingAccuracy(e.getValue(), cfg);
                    sum += a;
                    atBar += a >= 0.9 ? 1 : 0;
                    sb.append(String.format(" %s=%.2f", e.getKey().substring(0, Math.min(4, e.getKey().length())), a));
                }
                System.out.println(sb.append(String.format("  mean=%.3f atBar=%d", sum / data.size(), atBar)));
            }
        }
    }
}
