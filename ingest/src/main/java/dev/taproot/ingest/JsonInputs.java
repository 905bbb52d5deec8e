package dev.taproot.ingest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/** Reads a JSON input as a tree, turning a parse failure into a {@link MalformedInputException} with its position. */
public final class JsonInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonInputs() {
    }

    /** The input's JSON object. */
    public static JsonNode readObject(IngestInput input, String expected) throws MalformedInputException {
        JsonNode root;
        try {
            root = JSON.readTree(input.content());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "body" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new MalformedInputException(input.name(), where, "not JSON: " + dev.taproot.ingest.JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw new MalformedInputException(input.name(), "body", "cannot read: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedInputException(input.name(), "body", "expected a JSON object (" + expected + ")");
        }
        return root;
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
