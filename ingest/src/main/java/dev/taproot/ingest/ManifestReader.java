package dev.taproot.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;


/**
 * Reads Kubernetes objects from multi-document YAML or JSON: single objects, {@code List} /
 * {@code *List} kinds with {@code items}, and bare JSON arrays. Each object keeps its location
 * ({@code document 3 (line 120)}, {@code items[4]}) for rejections. A syntax error makes the whole
 * input unreadable: the exception names the document and line.
 */
public final class ManifestReader {

    private static final ObjectMapper YAML = new YAMLMapper();

    /** A parsed top-level document: its 1-based index, first line, and tree (null for an empty document). */
    public record Document(int index, int line, JsonNode tree) {
        public String location() {
            return "document " + index + " (line " + line + ")";
        }
    }

    private ManifestReader() {
    }

    /** The documents of an input, JSON or YAML (chosen by the first character). */
    public static List<Document> documents(IngestInput input) throws MalformedInputException {
        String head = input.head(1);
        boolean json = head.startsWith("{") || head.startsWith("[");
        try {
            return json ? jsonDocuments(input) : yamlDocuments(input);
        } catch (StackOverflowError e) {
            throw new MalformedInputException(input.name(), "document", "nesting too deep");
        }
    }

    private static List<Document> jsonDocuments(IngestInput input) throws MalformedInputException {
        try (JsonParser p = Json.MAPPER.createParser(input.content())) {
            var docs = new ArrayList<Document>();
            int index = 0;
            while (p.nextToken() != null) {
                index++;
                int line = p.currentTokenLocation().getLineNr();
                docs.add(new Document(index, line, Json.MAPPER.readTree(p)));
            }
            return docs;
        } catch (JsonProcessingException e) {
            throw malformed(input, "JSON", e);
        } catch (IOException e) {
            throw new MalformedInputException(input.name(), "input", e.getMessage(), e);
        }
    }

    private static List<Document> yamlDocuments(IngestInput input) throws MalformedInputException {
        var docs = new ArrayList<Document>();
        YAMLFactory factory = (YAMLFactory) YAML.getFactory();
        int index = 0;
        boolean inDocument = false;
        try (JsonParser p = factory.createParser(input.content())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                index++;
                inDocument = true;
                int line = p.currentTokenLocation().getLineNr();
                JsonNode tree = t == JsonToken.VALUE_NULL ? null : YAML.readTree(p);
                docs.add(new Document(index, line, tree));
                inDocument = false;
            }
            return docs;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = "document " + (inDocument ? index : index + 1) + (loc == null ? "" : " (line " + loc.getLineNr() + ")");
            throw new MalformedInputException(input.name(), where, "not valid YAML: " + dev.taproot.ingest.JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw new MalformedInputException(input.name(), "input", e.getMessage(), e);
        }
    }

    private static MalformedInputException malformed(IngestInput input, String syntax, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "input" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new MalformedInputException(input.name(), where, "not valid " + syntax + ": " + dev.taproot.ingest.JsonProblems.describe(e), e);
    }
}
