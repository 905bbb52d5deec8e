package dev.taproot.api.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import dev.taproot.api.Taproot;
import dev.taproot.api.cli.AnalysisJson;
import dev.taproot.rules.engine.Analysis;
import dev.taproot.rules.engine.AnalysisRequest;
import dev.taproot.rules.engine.RootCauseEngine;
import dev.taproot.rules.evidence.AnalysisText;
import dev.taproot.rules.pack.RulePack;

/**
 * {@code POST /api/v1/analyses}: ranks the root causes of a symptom in a window. Body:
 * <pre>{@code
 * {"symptom": {"entities": ["frontend"], "alert": "HighLatency", "text": "checkout is slow"},
 *  "window": {"start": "2024-01-01T12:00:00Z", "end": "2024-01-01T12:15:00Z"},
 *  "depth": 3, "rules": ["prop.latency-from-callee"], "maxCandidates": 10}
 * }</pre>
 * Answers the analysis as JSON ({@code ?format=text}: the plain-text rendering).
 */
public final class AnalysisRoutes implements Routes {

    private final RootCauseEngine engine;

    public AnalysisRoutes(Taproot taproot, Supplier<RulePack> rules) {
        this.engine = new RootCauseEngine(taproot.store(), rules);
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post("/api/v1/analyses", this::analyse);
    }

    private void analyse(Context ctx) {
        AnalysisRequest request = parse(ctx.body());
        Analysis analysis = engine.analyze(request);
        if ("text".equalsIgnoreCase(ctx.queryParam("format"))) {
            ctx.contentType("text/plain; charset=utf-8").result(AnalysisText.render(analysis));
        } else {
            ctx.contentType("application/json").result(AnalysisJson.write(analysis));
        }
    }

    static AnalysisRequest parse(String body) {
        JsonNode root;
        try {
            root = AnalysisJson.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.badRequest("body is not JSON: " + dev.taproot.ingest.JsonProblems.describe(e));
        }
        if (!root.isObject()) {
            throw Problem.badRequest("body must be a JSON object");
        }
        JsonFields.only(root, "", Set.of("symptom", "window", "rules", "depth", "maxCandidates"));
        JsonNode symptom = JsonFields.object(root.path("symptom"), "symptom");
        if (symptom.isObject()) {
            JsonFields.only(symptom, "symptom.", Set.of("entities", "alert", "text"));
        }
        JsonNode window = JsonFields.object(root.path("window"), "window");
        if (window.isObject()) {
            JsonFields.only(window, "window.", Set.of("start", "end"));
        }
        var entities = new ArrayList<>(JsonFields.strings(symptom.path("entities"), "symptom.entities"));
        Instant end = JsonFields.time(window.path("end"), "window.end", Instant.now());
        Instant start = JsonFields.time(window.path("start"), "window.start", end.minusSeconds(1800));
        var rules = new LinkedHashSet<>(JsonFields.strings(root.path("rules"), "rules"));
        int depth = JsonFields.integer(root.path("depth"), "depth", AnalysisRequest.DEFAULT_DEPTH);
        int max = JsonFields.integer(root.path("maxCandidates"), "maxCandidates", AnalysisRequest.DEFAULT_MAX_CANDIDATES);
        try {
            return new AnalysisRequest(entities, JsonFields.text(symptom.path("alert"), "symptom.alert"),
                    JsonFields.text(symptom.path("text"), "symptom.text"), start, end,
                    depth, rules, max);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    /** For tests: the rule ids a request names. */
    static List<String> ruleIds(AnalysisRequest r) {
        return List.copyOf(r.ruleIds());
    }
}
