package dev.taproot.ingest.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.logs.Drain;
import dev.taproot.ingest.logs.LogConfig;
import dev.taproot.ingest.logs.LogRecord;
import dev.taproot.ingest.logs.LogTemplate;

/**
 * Log lines to {@code LogSignature} signals. Baseline and window lines are mined into templates by one
 * {@link Drain} (baseline first), then counted per entity, template and error-or-not:
 * <ul>
 *   <li>{@code ErrorLogSpike}: error lines ({@link LogConfig#errorLevels()}) of a template that the
 *       baseline does not explain (never there, or more than {@link LogConfig#spikeFactor()} times the
 *       baseline rate), at least {@link LogConfig#minErrorCount()} lines;</li>
 *   <li>{@code NewLogTemplate}: a template no baseline line had, at least
 *       {@link LogConfig#minNewTemplateCount()} lines (only when a baseline exists);</li>
 *   <li>{@code LogSignature}: any other template whose rate spikes past the factor (at least
 *       {@link #MIN_SPIKE_COUNT} lines).</li>
 * </ul>
 * Each carries {@code template}, {@code example} (one real line), {@code count}, {@code baselineCount}
 * and a {@code score}: the Poisson z of the count against the count the baseline rate predicts.
 */
public final class LogDetector implements SignalDetector {

    static final int MIN_SPIKE_COUNT = 5;

    private final TelemetryConfig config;
    private final TelemetryEntities entities;

    /** A detector with these settings; it resolves entities through each analysis' context. */
    public LogDetector(TelemetryConfig config) {
        this(config, null);
    }

    @Override
    public String evidence() {
        return "logs";
    }

    @Override
    public void detect(Evidence window, Evidence baseline, DetectionContext context) {
        new LogDetector(config, context.entities()).analyze(window.logs(), baseline.logs(), context.window(),
                context.out(), context.report());
    }

    private LogDetector(TelemetryConfig config, TelemetryEntities entities) {
        this.config = config;
        this.entities = entities;
    }

    private static final class Group {
        String entity;
        String pod;
        LogTemplate template;
        boolean error;
        String level;
        int now;
        int before;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String example;
    }

    void analyze(List<LogRecord> window, List<LogRecord> baseline, AnalysisWindow w, GraphWriter out,
                 TelemetryReport.Builder report) {
        if (window.isEmpty()) {
            return;
        }
        LogConfig lc = config.logs();
        Sides<LogRecord> sides = Sides.split(window, baseline, w, config.detector().selfBaselineFraction(),
                LogRecord::timeMillis);
        report.count("logs.lines", window.size());
        var drain = new Drain(lc);
        Map<String, Group> groups = new LinkedHashMap<>();
        Set<Integer> baselineTemplates = new HashSet<>();
        Map<Map<String, String>, Optional<TelemetryEntities.Resolution>> owners = new HashMap<>();
        for (LogRecord r : sorted(sides.baseline())) {
            LogTemplate t = drain.add(r.body());
            baselineTemplates.add(t.id());
            Group g = group(groups, r, t, owners, report);
            if (g != null) {
                g.before++;
            }
        }
        for (LogRecord r : sorted(sides.window())) {
            Group g = group(groups, r, drain.add(r.body()), owners, report);
            if (g != null) {
                g.now++;
                g.first = Math.min(g.first, r.timeMillis());
                g.last = Math.max(g.last, r.timeMillis());
                if (g.example == null) {
                    g.example = r.body().length() > 500 ? r.body().substring(0, 500) : r.body();
                }
            }
        }
        boolean hasBaseline = !sides.baseline().isEmpty();
        for (Group g : groups.values()) {
            if (g.now == 0) {
                continue;
            }
            double expected = sides.expected(g.before);
            boolean explained = g.before > 0 && g.now <= lc.spikeFactor() * expected;
            boolean newTemplate = hasBaseline && !baselineTemplates.contains(g.template.id());
            String type;
            if (g.error) {
                type = g.now >= lc.minErrorCount() && !explained ? "ErrorLogSpike" : null;
            } else if (newTemplate && g.now >= lc.minNewTemplateCount()) {
                type = "NewLogTemplate";
            } else {
                type = hasBaseline && !explained && g.before > 0 && g.now >= MIN_SPIKE_COUNT ? "LogSignature" : null;
            }
            if (type == null) {
                continue;
            }
            double score = Math.min(config.detector().maxScore(), (g.now - expected) / Math.sqrt(expected + 1));
            var attrs = new LinkedHashMap<String, Object>();
            attrs.put("metric", "log_lines");
            attrs.put("template", g.template.text());
            attrs.put("example", g.example);
            attrs.put("count", g.now);
            attrs.put("baselineCount", g.before);
            attrs.put("score", AnomalySignals.round(score));
            attrs.put("direction", "up");
            attrs.put("baseline", AnomalySignals.round(expected));
            attrs.put("observed", g.now);
            attrs.put("level", g.level);
            attrs.put("pod", g.pod);
            attrs.put("newTemplate", newTemplate);
            attrs.put("templateId", g.template.id());
            out.signal(new Signal("log:" + g.entity + ":" + g.template.id() + ":" + g.error + "@" + g.first, type,
                    g.entity, g.error ? "error log " + g.template.id() : "log template " + g.template.id(),
                    g.error ? (score >= AnomalySignals.ERROR_SCORE ? Severity.ERROR : Severity.WARNING) : Severity.INFO,
                    Instant.ofEpochMilli(g.first), Instant.ofEpochMilli(g.last), attrs, "logs"));
            report.signal(type);
        }
        report.count("logs.templates", drain.templates().size());
    }

    private Group group(Map<String, Group> groups, LogRecord r, LogTemplate t,
                        Map<Map<String, String>, Optional<TelemetryEntities.Resolution>> owners,
                        TelemetryReport.Builder report) {
        Optional<TelemetryEntities.Resolution> owner = owners.computeIfAbsent(r.labels(), l -> {
            Optional<TelemetryEntities.Resolution> o = entities.resolve(l, "log");
            if (o.isEmpty()) {
                report.unresolved("log stream " + l);
            }
            return o;
        });
        if (owner.isEmpty()) {
            report.count("logs.unresolvedLines", 1);
            return null;
        }
        boolean error = r.level() != null && config.logs().errorLevels().contains(r.level());
        String key = owner.get().entityKey() + "|" + t.id() + "|" + error;
        Group g = groups.computeIfAbsent(key, k -> new Group());
        if (g.template == null) {
            g.entity = owner.get().entityKey();
            g.pod = owner.get().pod();
            g.template = t;
            g.error = error;
            g.level = r.level();
        }
        return g;
    }

    private static List<LogRecord> sorted(List<LogRecord> records) {
        var copy = new ArrayList<>(records);
        copy.sort(Comparator.comparingLong(LogRecord::timeMillis));
        return copy;
    }
}
