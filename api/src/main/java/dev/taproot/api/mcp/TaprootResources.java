package dev.taproot.api.mcp;

import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.riot.Lang;

import dev.taproot.api.Taproot;
import dev.taproot.api.diagnosis.AnalysisJson;
import dev.taproot.graph.rdf.RdfVocabulary;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * What an agent may read to understand Taproot's answers: the vocabulary (entity, relationship and
 * signal types), the rule pack in force and the runbooks in force. Each is read when asked, so a
 * reloaded rules or runbooks directory shows at once.
 */
final class TaprootResources {

    static final String VOCABULARY = "taproot://vocabulary";
    static final String RULES = "taproot://rules";
    static final String RUNBOOKS = "taproot://runbooks";

    private TaprootResources() {
    }

    static List<SyncResourceSpecification> of(Taproot taproot) {
        return List.of(
                resource(VOCABULARY, "vocabulary", "Taproot vocabulary",
                        "Entity, relationship, signal and fault types and how they relate (RDF Turtle).", "text/turtle",
                        () -> RdfVocabulary.serialise(Lang.TURTLE)),
                resource(RULES, "rules", "Rule pack in force",
                        "Every root-cause rule: id, category, what it matches, its confidence and message (JSON).",
                        "application/json", () -> AnalysisJson.write(taproot.rules().get())),
                resource(RUNBOOKS, "runbooks", "Runbooks in force",
                        "What to do per fault type, alert or rule: steps, checks and links (JSON).", "application/json",
                        () -> AnalysisJson.write(taproot.runbooks().get().all())));
    }

    private static SyncResourceSpecification resource(String uri, String name, String title, String description,
                                                      String mimeType, Supplier<String> text) {
        var resource = McpSchema.Resource.builder().uri(uri).name(name).title(title).description(description)
                .mimeType(mimeType).build();
        return new SyncResourceSpecification(resource, (exchange, request) -> new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, mimeType, text.get()))));
    }
}
