package dev.taproot.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.taproot.api.Taproot;
import dev.taproot.api.actions.ActionRequest;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.testing.TestStores;

/**
 * The served OpenAPI document against the server that serves it: schemas for every JSON operation,
 * every {@code $ref} resolved, and the analysis schema true to what the analysis handler accepts.
 */
class OpenApiSchemasTest {

    private static final Instant T0 = AnalysisRoutesTest.T0;
    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String ANALYSES = "/api/v1/analyses";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TaprootServer server;
    private JsonNode doc;

    @BeforeEach
    void start(@TempDir Path data) throws Exception {
        var store = TestStores.emptyEmbedded();
        store.write(new GraphBatch(
                List.of(Entity.of("service/web", "Service", "web"), Entity.of("service/db-api", "Service", "db-api")),
                List.of(Relationship.of("CALLS", "service/web", "service/db-api")),
                List.of(AnalysisRoutesTest.signal("1", "CPUAnomaly", "service/db-api", 60, 25),
                        AnalysisRoutesTest.signal("2", "LatencyAnomaly", "service/db-api", 90, 12),
                        AnalysisRoutesTest.signal("3", "LatencyAnomaly", "service/web", 120, 15)),
                List.of()));
        server = TaprootServer.start(Taproot.over(TaprootConfig.from(data, 0, 0, Map.of()), store), "127.0.0.1", 0);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(OpenApiRoutes.PATH)).GET());
        assertThat(r.statusCode()).isEqualTo(200);
        doc = json.readTree(r.body());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyJsonOperationHasARequestAndASuccessSchema() {
        var missing = new ArrayList<String>();
        forEachOperation((path, method, op) -> {
            JsonNode success = successResponse(op);
            if (success == null) {
                missing.add(method + " " + path + ": no 2xx response");
                return;
            }
            JsonNode requestJson = op.at("/requestBody/content/application~1json");
            JsonNode responseJson = success.at("/content/application~1json");
            boolean isJson = !requestJson.isMissingNode() || !responseJson.isMissingNode();
            if (!isJson) {
                assertThat(success.path("content").size()).as(method + " " + path + " names its media type").isPositive();
                return;
            }
            if (WITH_BODY.contains(method) && !requestJson.isMissingNode() && !hasSchema(requestJson)) {
                missing.add(method + " " + path + ": request without schema");
            }
            if (!responseJson.isMissingNode() && !hasSchema(responseJson)) {
                missing.add(method + " " + path + ": 2xx response without schema");
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void theTypedOperationsReferToGeneratedComponents() {
        JsonNode analyses = doc.at("/paths/~1api~1v1~1analyses/post");
        assertThat(analyses.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/AnalysisQuestion");
        assertThat(analyses.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Diagnosis");
        JsonNode propose = doc.at("/paths/~1api~1v1~1actions/post");
        assertThat(propose.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ActionRequest");
        assertThat(propose.at("/responses/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Action");
        assertThat(strings(schema("ActionRequest").path("required"))).containsExactlyInAnyOrder("kind", "target");
        assertThat(strings(schema("ActionRequest").path("properties").fieldNames()))
                .containsExactlyElementsOf(JsonFields.of(ActionRequest.class));
        assertThat(strings(schema("ActionRequest").at("/properties/kind/enum"))).contains("restart", "rollback", "scale", "cordon");
    }

    @Test
    void errorsReferToTheProblemDetailsSchema() {
        JsonNode problem = schema(OpenApiDocument.PROBLEM);
        assertThat(strings(problem.path("required"))).containsExactly("type", "title", "status");
        forEachOperation((path, method, op) -> assertThat(op.at("/responses/400/content/application~1problem+json/schema/$ref")
                .asText()).as(method + " " + path).isEqualTo("#/components/schemas/Problem"));
    }

    @Test
    void theAnalysisSchemaListsExactlyTheFieldsTheHandlerReads() throws Exception {
        JsonNode question = schema("AnalysisQuestion");
        assertThat(strings(question.path("properties").fieldNames()))
                .containsExactlyElementsOf(JsonFields.of(AnalysisQuestion.class));
        assertThat(strings(resolve(question.at("/properties/symptom")).path("properties").fieldNames()))
                .containsExactlyElementsOf(JsonFields.of(AnalysisQuestion.Symptom.class));
        assertThat(strings(resolve(question.at("/properties/window")).path("properties").fieldNames()))
                .containsExactlyElementsOf(JsonFields.of(AnalysisQuestion.Window.class));
        assertThat(resolve(question.at("/properties/window")).at("/properties/end/format").asText()).isEqualTo("date-time");

        HttpResponse<String> unknown = postAnalysis("{\"symptoms\": {}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("detail").asText()).contains("'symptoms'").contains("symptom");
    }

    @Test
    void aBodyBuiltFromTheRequiredPropertiesIsAnswered() throws Exception {
        JsonNode body = sample(schema("AnalysisQuestion"), true, "");
        HttpResponse<String> r = postAnalysis(json.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = json.readTree(r.body());
        assertThat(strings(answer.fieldNames())).as("the answer has the properties the Diagnosis schema names")
                .containsExactlyInAnyOrderElementsOf(strings(schema("Diagnosis").path("properties").fieldNames()));
    }

    @Test
    void aBodyWithEveryPropertyIsNotRefusedForItsShape() throws Exception {
        ObjectNode body = (ObjectNode) sample(schema("AnalysisQuestion"), false, "");
        ((ArrayNode) body.path("rules")).removeAll();
        HttpResponse<String> r = postAnalysis(json.writeValueAsString(body));
        assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).path("candidates").get(0).path("entityKey").asText()).isEqualTo("service/db-api");
    }

    @Test
    void theDocumentIsStructurallyOpenApi31() {
        assertThat(doc.path("openapi").asText()).startsWith("3.1.");
        assertThat(doc.at("/info/title").asText()).isNotBlank();
        assertThat(doc.at("/info/version").asText()).isNotBlank();
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        var unresolved = new TreeSet<String>();
        collectRefs(doc, unresolved);
        assertThat(unresolved).as("$refs that do not resolve").isEmpty();
        forEachOperation((path, method, op) -> {
            assertThat(path).startsWith("/");
            assertThat(op.path("responses").size()).as(method + " " + path).isPositive();
            var declared = new TreeSet<String>();
            op.path("parameters").forEach(p -> {
                assertThat(p.path("in").asText()).isIn("query", "path", "header", "cookie");
                if (p.path("in").asText().equals("path")) {
                    assertThat(p.path("required").asBoolean()).isTrue();
                    declared.add(p.path("name").asText());
                }
            });
            var m = PATH_PARAM.matcher(path);
            while (m.find()) {
                assertThat(declared).as(method + " " + path).contains(m.group(1));
            }
        });
    }

    /** A body for a schema: its required properties only, or every property, with values this server's data fits. */
    private JsonNode sample(JsonNode schema, boolean requiredOnly, String name) {
        JsonNode s = resolve(schema);
        String type = s.path("type").asText();
        switch (type) {
            case "object" -> {
                ObjectNode out = json.createObjectNode();
                Set<String> required = new TreeSet<>(strings(s.path("required")));
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    var p = it.next();
                    if (!requiredOnly || required.contains(p.getKey())) {
                        out.set(p.getKey(), sample(p.getValue(), requiredOnly, p.getKey()));
                    }
                }
                return out;
            }
            case "array" -> {
                return json.createArrayNode().add(sample(s.path("items"), requiredOnly, name));
            }
            case "integer" -> {
                return json.getNodeFactory().numberNode(2);
            }
            case "number" -> {
                return json.getNodeFactory().numberNode(1.0);
            }
            case "boolean" -> {
                return json.getNodeFactory().booleanNode(true);
            }
            default -> {
                if (s.has("enum")) {
                    return s.path("enum").get(0);
                }
                return json.getNodeFactory().textNode(s.path("format").asText().equals("date-time")
                        ? (name.equals("start") ? T0 : T0.plusSeconds(900)).toString() : "web");
            }
        }
    }

    private JsonNode schema(String name) {
        JsonNode s = doc.at("/components/schemas/" + name);
        assertThat(s.isMissingNode()).as("component " + name).isFalse();
        return s;
    }

    private JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? doc.at(schema.path("$ref").asText().substring(1)) : schema;
    }

    private void collectRefs(JsonNode node, Set<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || doc.at(ref.asText().substring(1)).isMissingNode())) {
                unresolved.add(ref.asText());
            }
        }
        node.forEach(child -> collectRefs(child, unresolved));
    }

    private static boolean hasSchema(JsonNode mediaType) {
        JsonNode s = mediaType.path("schema");
        return s.has("$ref") || s.has("type") || s.has("oneOf");
    }

    private static JsonNode successResponse(JsonNode op) {
        for (Iterator<String> it = op.path("responses").fieldNames(); it.hasNext(); ) {
            String status = it.next();
            if (status.startsWith("2")) {
                return op.path("responses").path(status);
            }
        }
        // a redirect (such as /docs to swagger-ui) is the success of an operation that answers no body
        for (Iterator<String> it = op.path("responses").fieldNames(); it.hasNext(); ) {
            String status = it.next();
            if (status.startsWith("3") && op.path("responses").path(status).at("/content/application~1json").isMissingNode()) {
                return op.path("responses").path(status);
            }
        }
        return null;
    }

    private interface OperationCheck {
        void check(String path, String method, JsonNode operation);
    }

    private void forEachOperation(OperationCheck check) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(op -> check.check(path.getKey(), op.getKey(), op.getValue())));
        assertThat(doc.path("paths").size()).isGreaterThan(20);
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> strings(Iterator<String> names) {
        var out = new ArrayList<String>();
        names.forEachRemaining(out::add);
        return out;
    }

    private HttpResponse<String> postAnalysis(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(ANALYSES)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
