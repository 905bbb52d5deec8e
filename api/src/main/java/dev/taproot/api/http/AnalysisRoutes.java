package dev.taproot.api.http;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import dev.taproot.api.Taproot;
import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.api.diagnosis.Diagnose;
import dev.taproot.api.diagnosis.DiagnoseRequest;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.diagnosis.DiagnosisText;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.ApiRouter;
import dev.taproot.api.web.Problem;
import dev.taproot.api.web.RouteDoc;
import dev.taproot.api.web.Routes;

/**
 * {@code POST /api/v1/analyses}: ranks the root causes of a symptom in a window. Body:
 * <pre>{@code
 * {"symptom": {"entities": ["frontend"], "alert": "HighLatency", "text": "checkout is slow"},
 *  "window": {"start": "2024-01-01T12:00:00Z", "end": "2024-01-01T12:15:00Z"},
 *  "depth": 3, "rules": ["prop.latency-from-callee"], "maxCandidates": 10}
 * }</pre>
 * The body is an {@link AnalysisQuestion}. Without a window end the question is about now (moved to the latest activity around the symptom when
 * nothing fired lately). Answers the one {@link Diagnosis} as JSON: the analysis's fields, plus its id,
 * how the question was read, the blast radius, similar past incidents and what to do
 * ({@code ?format=text}: the plain-text rendering the CLI prints).
 */
public final class AnalysisRoutes implements Routes {

    private final Diagnose diagnose;

    public AnalysisRoutes(Taproot taproot) {
        this.diagnose = taproot.diagnose();
    }

    @Override
    public void register(JavalinConfig config) {
        new ApiRouter(config).post("/api/v1/analyses", Role.READ, RouteDoc.of("analyses",
                        "Rank the root causes of a symptom in a window; answers the diagnosis")
                        .query("format", false, "'text' for the plain-text rendering the CLI prints (default: JSON)")
                        .request(AnalysisQuestion.class).response(Diagnosis.class), this::analyse);
    }

    private void analyse(Context ctx) {
        DiagnoseRequest request = parse(ctx.body());
        Diagnosis diagnosis;
        try {
            diagnosis = diagnose.diagnose(request);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(dev.taproot.graph.store.ErrorMessages.describe(e));
        }
        if ("text".equalsIgnoreCase(ctx.queryParam("format"))) {
            ctx.contentType("text/plain; charset=utf-8").result(DiagnosisText.render(diagnosis));
        } else {
            ctx.contentType("application/json").result(AnalysisJson.write(diagnosis));
        }
    }

    static DiagnoseRequest parse(String body) {
        JsonNode root;
        try {
            root = AnalysisJson.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problem.badRequest("body is not JSON: " + dev.taproot.ingest.JsonProblems.describe(e));
        }
        if (!root.isObject()) {
            throw Problem.badRequest("body must be a JSON object");
        }
        JsonFields.only(root, "", JsonFields.of(AnalysisQuestion.class));
        JsonNode symptom = JsonFields.object(root.path("symptom"), "symptom");
        if (symptom.isObject()) {
            JsonFields.only(symptom, "symptom.", JsonFields.of(AnalysisQuestion.Symptom.class));
        }
        JsonNode window = JsonFields.object(root.path("window"), "window");
        if (window.isObject()) {
            JsonFields.only(window, "window.", JsonFields.of(AnalysisQuestion.Window.class));
        }
        var question = new AnalysisQuestion(
                new AnalysisQuestion.Symptom(JsonFields.strings(symptom.path("entities"), "symptom.entities"),
                        JsonFields.text(symptom.path("alert"), "symptom.alert"), JsonFields.text(symptom.path("text"), "symptom.text")),
                new AnalysisQuestion.Window(JsonFields.time(window.path("start"), "window.start", null),
                        JsonFields.time(window.path("end"), "window.end", null)),
                JsonFields.strings(root.path("rules"), "rules"),
                JsonFields.integer(root.path("depth"), "depth", 0), JsonFields.integer(root.path("maxCandidates"), "maxCandidates", 0));
        try {
            return question.toDiagnoseRequest();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    /** For tests: the rule ids a request names. */
    static List<String> ruleIds(DiagnoseRequest r) {
        return List.copyOf(r.rules());
    }
}
