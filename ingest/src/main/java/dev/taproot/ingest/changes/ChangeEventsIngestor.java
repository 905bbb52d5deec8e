package dev.taproot.ingest.changes;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.Json;
import dev.taproot.ingest.MalformedInputException;

/**
 * Change events: Taproot's generic change event ({@link GenericChanges}), GitHub
 * {@code deployment_status} webhooks ({@link GitHubDeployments}) and Argo CD Applications
 * ({@link ArgoCdApplications}). Files end in {@code .changes.json}; the body's shape says which.
 */
public final class ChangeEventsIngestor implements Ingestor {

    public static final String FORMAT = "changes";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String name = input.fileName();
        if (name.endsWith(".changes.json")) {
            return true;
        }
        if (!name.endsWith(".json")) {
            return false;
        }
        String head = input.head(4096);
        return head.contains("\"deployment_status\"") || head.contains("\"argoproj.io/")
                || head.startsWith("{\"changes\"") || head.replace(" ", "").startsWith("{\"changes\"");
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(input.content());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new MalformedInputException(input.name(), loc == null ? "input" : "line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr(), "not valid JSON: " + dev.taproot.ingest.JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw new MalformedInputException(input.name(), "input", e.getMessage(), e);
        }
        if (body == null) {
            throw new MalformedInputException(input.name(), "input", "empty");
        }
        var result = new IngestResult.Builder(FORMAT, input.name());
        if (body.isObject() && body.has("changes")) {
            body = body.get("changes");
        }
        if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                one(body.get(i), "[" + i + "]", writer, result, input.name());
            }
        } else {
            one(body, "body", writer, result, input.name());
        }
        return result.build();
    }

    private static void one(JsonNode e, String where, GraphWriter writer, IngestResult.Builder result, String source) {
        if (GitHubDeployments.matches(e)) {
            GitHubDeployments.read(e, where, writer, result, source);
        } else if (ArgoCdApplications.matches(e)) {
            ArgoCdApplications.read(e, where, writer, result, source);
        } else if (GenericChanges.matches(e)) {
            GenericChanges.read(e, where, writer, result, source);
        } else {
            result.reject(where, "not a change event: expected a generic change (type, entity, at), a GitHub "
                    + "deployment_status webhook or an Argo CD Application");
        }
    }
}
