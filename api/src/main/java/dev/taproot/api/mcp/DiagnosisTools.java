package dev.taproot.api.mcp;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.api.Taproot;
import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.api.diagnosis.DiagnoseRequest;
import dev.taproot.api.diagnosis.Diagnosis;
import dev.taproot.api.diagnosis.DiagnosisText;
import dev.taproot.api.feedback.FeedbackIntake;
import dev.taproot.api.memory.SimilarQueries;
import dev.taproot.api.security.Role;
import dev.taproot.api.web.Problem;
import dev.taproot.graph.model.Feedback;
import dev.taproot.search.SimilarHit;
import dev.taproot.search.SimilarQuery;

/**
 * The tools about failures: {@code diagnose} (the one {@link Diagnosis} REST, ChatOps and the CLI
 * give), {@code similar_incidents} (incident memory) and {@code record_feedback} (the feedback REST
 * records, with the role REST requires).
 */
final class DiagnosisTools {

    static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private DiagnosisTools() {
    }

    static List<McpTool> of(Taproot taproot) {
        return List.of(diagnose(taproot), similarIncidents(taproot), recordFeedback(taproot));
    }

    private static McpTool diagnose(Taproot taproot) {
        var input = new InputSchema()
                .string("entity", "the symptom: an entity key, name or alias (close misspellings resolve), e.g. checkoutservice")
                .strings("entities", "several symptom entities")
                .string("alert", "the name of an alert that fired, e.g. HighErrorRate")
                .string("text", "the failure in words, e.g. 'checkout is failing'")
                .string("start", "date-time", "window start, ISO-8601 (default: 30 minutes before end)")
                .string("end", "date-time", "window end, ISO-8601 (default: now, moved to the latest activity when nothing happened lately)")
                .integer("depth", 1, 6, "hops read around the symptom (default 3)")
                .integer("maxCandidates", 1, 100, "ranked causes returned (default 10)")
                .strings("rules", "rule ids to use (default: every enabled rule)");
        return new McpTool("diagnose", "Diagnose a failure",
                "Ranks the root causes of a symptom in a time window, with evidence, blast radius, similar past incidents"
                        + " and what to do. The same diagnosis as POST /api/v1/analyses.",
                input, Role.READ, true, (caller, args) -> {
                    var entities = new LinkedHashSet<String>();
                    if (args.text("entity") != null) {
                        entities.add(args.text("entity"));
                    }
                    entities.addAll(args.texts("entities"));
                    var request = new DiagnoseRequest(List.copyOf(entities), args.text("alert"), args.text("text"),
                            args.instant("start"), args.instant("end"), args.integer("depth", 0, 1, 6),
                            new LinkedHashSet<>(args.texts("rules")), args.integer("maxCandidates", 0, 1, 100));
                    Diagnosis diagnosis = taproot.diagnose().diagnose(request);
                    return new ToolAnswer(AnalysisJson.mapper().convertValue(diagnosis, OBJECT), DiagnosisText.render(diagnosis));
                });
    }

    private static McpTool similarIncidents(Taproot taproot) {
        var input = new InputSchema()
                .string("text", "the failure in words: symptoms, error messages, alert names")
                .strings("services", "affected services")
                .strings("alerts", "alert names that fired")
                .strings("faults", "fault types, e.g. OOMKilled")
                .strings("causes", "candidate cause entities")
                .integer("limit", 1, SimilarQuery.MAX_LIMIT, "most incidents returned (default " + SimilarQuery.DEFAULT_LIMIT + ")");
        return new McpTool("similar_incidents", "Similar past incidents",
                "Past incidents most like a failure, with their root causes and resolutions, best first.",
                input, Role.READ, true, (caller, args) -> {
                    SimilarQuery query = SimilarQuery.builder().text(args.text("text")).services(args.texts("services"))
                            .alerts(args.texts("alerts")).faultTypes(args.texts("faults"))
                            .candidateCauses(args.texts("causes"))
                            .limit(args.integer("limit", SimilarQuery.DEFAULT_LIMIT, 1, SimilarQuery.MAX_LIMIT)).build();
                    if (query.isEmpty()) {
                        throw new ToolArgumentException("text", "give text, or at least one of services, alerts, faults, causes");
                    }
                    List<SimilarHit> hits = taproot.memory().similar(SimilarQueries.withNeighbours(query, taproot.store()));
                    var body = new LinkedHashMap<String, Object>();
                    body.put("count", hits.size());
                    body.put("hits", hits);
                    var text = new StringBuilder(hits.size() + " similar incident(s)");
                    for (SimilarHit h : hits) {
                        text.append("\n- ").append(h.id()).append(": ").append(h.title())
                                .append(h.resolution() == null ? "" : " (resolution: " + h.resolution() + ")");
                    }
                    return answer(body, text.toString());
                });
    }

    private static McpTool recordFeedback(Taproot taproot) {
        var input = new InputSchema()
                .string("incident", "a past incident's id: with helped, or with cause and correct for the incident that cause caused")
                .bool("helped", "whether that incident helped")
                .string("cause", "a cause entity key, with correct")
                .string("fault_type", "the cause's fault type, e.g. OOMKilled")
                .bool("correct", "whether the cause was right")
                .string("analysis", "the diagnosis id the feedback is about")
                .string("at", "date-time", "when (default: now)")
                .string("comment", "free text");
        return new McpTool("record_feedback", "Record feedback",
                "Says whether a past incident helped, or whether a cause was right; later rankings use it."
                        + " Needs role '" + FeedbackIntake.GIVES_FEEDBACK.label() + "' (as POST /api/v1/feedback). The author is the caller.",
                input, FeedbackIntake.GIVES_FEEDBACK, false, (caller, args) -> {
                    JsonNode body = AnalysisJson.mapper().valueToTree(args.asMap());
                    Feedback feedback;
                    try {
                        feedback = FeedbackIntake.record(taproot, body, caller.name());
                    } catch (Problem p) {
                        // REST says "field 'x'"; here the fields are the tool's arguments
                        throw p.status() == 400 ? new ToolArgumentException(p.getMessage()) : p;
                    }
                    return answer(AnalysisJson.mapper().convertValue(feedback, OBJECT),
                            "recorded feedback " + feedback.id() + " (" + feedback.kind() + ") by " + feedback.by());
                });
    }

    static ToolAnswer answer(Map<String, Object> structured, String text) {
        return new ToolAnswer(AnalysisJson.mapper().convertValue(structured, OBJECT), text);
    }
}
