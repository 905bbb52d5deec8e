package dev.taproot.graph.rdf;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.EntityKeys;
import dev.taproot.graph.model.EntityTypes;
import dev.taproot.graph.model.GraphBatch;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Severity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * Reads RDF (Turtle, N-Triples, JSON-LD, RDF/XML) in the Taproot vocabulary into graph records:
 * subjects typed with an entity type ({@code tp:Service}, {@code tp:Database}, ...) become entities,
 * triples with a relationship property ({@code tp:CALLS}, {@code tp:DEPENDS_ON}, ...) between them
 * become relationships, subjects typed with a signal type and carrying {@code tp:ON} and
 * {@code tp:start} become signals. What {@link RdfExport} writes reads back to the same records.
 *
 * <p>Safety: RDF/XML is parsed without DTDs or external entities, and JSON-LD documents that name a
 * remote {@code @context} are refused rather than fetched.
 */
public final class RdfImport {

    /** What an RDF document held, and what could not be mapped (subject and reason). */
    public record Result(GraphBatch batch, List<String> problems) {
    }

    /** The document is not valid in its syntax. */
    public static final class SyntaxError extends RuntimeException {
        private final String location;

        SyntaxError(String location, String message, Throwable cause) {
            super(message, cause);
            this.location = location;
        }

        public String location() {
            return location;
        }
    }

    private static final Set<String> ENTITY_LITERALS = Set.of("key", "name", "alias", "firstSeen", "lastSeen");

    private RdfImport() {
    }

    /** The syntax a file name or the first bytes suggest. */
    public static Lang guessLang(String name, String head) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".ttl") || n.endsWith(".turtle")) {
            return Lang.TURTLE;
        }
        if (n.endsWith(".nt")) {
            return Lang.NTRIPLES;
        }
        if (n.endsWith(".jsonld") || n.endsWith(".json-ld")) {
            return Lang.JSONLD;
        }
        if (n.endsWith(".rdf") || n.endsWith(".owl") || n.endsWith(".xml")) {
            return Lang.RDFXML;
        }
        String h = head.stripLeading();
        if (h.startsWith("<?xml") || h.startsWith("<rdf:RDF")) {
            return Lang.RDFXML;
        }
        if (h.startsWith("{") || h.startsWith("[")) {
            return Lang.JSONLD;
        }
        return Lang.TURTLE; // N-Triples is a subset of Turtle
    }

    /** Parses and maps a document. */
    public static Result read(byte[] content, Lang lang, String base) {
        if (lang == Lang.JSONLD || lang == Lang.JSONLD11) {
            refuseRemoteContexts(content);
        }
        Model model = ModelFactory.createDefaultModel();
        var warnings = new SummarisedParseWarnings(lang.getLabel() + " document " + base);
        try {
            RDFParser.create().source(new ByteArrayInputStream(content)).lang(lang).base(base).errorHandler(warnings).parse(model);
            warnings.finish();
        } catch (RiotParseException e) {
            throw new SyntaxError("line " + e.getLine() + ", column " + e.getCol(), "not valid " + lang.getLabel()
                    + ": " + e.getOriginalMessage(), e);
        } catch (RiotException e) {
            throw new SyntaxError("document", "not valid " + lang.getLabel() + ": " + e.getMessage(), e);
        }
        return map(model);
    }

    private static void refuseRemoteContexts(byte[] content) {
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(content);
            var remote = new ArrayList<String>();
            findRemoteContexts(tree, remote);
            if (!remote.isEmpty()) {
                throw new SyntaxError("@context", "remote JSON-LD contexts are not fetched (" + remote.get(0)
                        + "); inline the context", null);
            }
        } catch (java.io.IOException e) {
            throw new SyntaxError("document", "not valid JSON-LD: " + e.getMessage(), e);
        }
    }

    private static void findRemoteContexts(com.fasterxml.jackson.databind.JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("@context") || e.getKey().equals("@import")) {
                    collectStrings(e.getValue(), out);
                }
                findRemoteContexts(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> findRemoteContexts(n, out));
        }
    }

    private static void collectStrings(com.fasterxml.jackson.databind.JsonNode ctx, List<String> out) {
        if (ctx.isTextual()) {
            out.add(ctx.asText());
        } else if (ctx.isArray()) {
            ctx.forEach(c -> collectStrings(c, out));
        }
    }

    /** Maps a parsed model through the vocabulary. */
    public static Result map(Model model) {
        Vocabulary vocabulary = Vocabulary.standard();
        var problems = new ArrayList<String>();
        Map<String, String> keyOfSubject = new LinkedHashMap<>();
        var entities = new ArrayList<Entity>();
        var signals = new ArrayList<Signal>();
        var signalSubjects = new ArrayList<Resource>();

        for (Resource s : model.listSubjects().toList()) {
            Set<String> types = new LinkedHashSet<>();
            s.listProperties(RDF.type).forEachRemaining(st -> {
                if (st.getObject().isURIResource() && st.getObject().asResource().getURI().startsWith(Vocabulary.NS)) {
                    types.add(st.getObject().asResource().getLocalName());
                }
            });
            String entityType = types.stream().filter(t -> vocabulary.isA(t, "Entity")).findFirst().orElse(null);
            String signalType = types.stream().filter(t -> vocabulary.isA(t, "Signal")).findFirst().orElse(null);
            if (entityType != null) {
                Entity e = entity(s, entityType);
                keyOfSubject.put(id(s), e.key());
                entities.add(e);
            } else if (signalType != null) {
                signalSubjects.add(s);
            } else if (!types.isEmpty() || s.listProperties().toList().stream().anyMatch(st -> isRelationship(st, vocabulary))) {
                if (!types.isEmpty()) {
                    problems.add(id(s) + ": type " + types + " is not an entity or signal type of the vocabulary");
                }
            }
        }
        var rels = new ArrayList<Relationship>();
        for (Statement st : model.listStatements().toList()) {
            if (!isRelationship(st, vocabulary)) {
                continue;
            }
            String from = keyOfSubject.get(id(st.getSubject()));
            String to = st.getObject().isResource() ? keyOf(st.getObject().asResource(), keyOfSubject) : null;
            if (from == null) {
                problems.add(id(st.getSubject()) + ": has " + st.getPredicate().getLocalName()
                        + " but no entity type (tp:Service, tp:Database, ...)");
            } else if (to == null) {
                problems.add(id(st.getSubject()) + ": " + st.getPredicate().getLocalName() + " points at a literal");
            } else {
                rels.add(Relationship.of(st.getPredicate().getLocalName(), from, to));
            }
        }
        for (Resource s : signalSubjects) {
            try {
                signals.add(signal(s, keyOfSubject, vocabulary));
            } catch (IllegalArgumentException e) {
                problems.add(id(s) + ": " + e.getMessage());
            }
        }
        return new Result(new GraphBatch(entities, rels, signals, List.of()), problems);
    }

    private static boolean isRelationship(Statement st, Vocabulary vocabulary) {
        String p = st.getPredicate().getURI();
        return p.startsWith(Vocabulary.NS) && RelationshipTypes.TOPOLOGY.contains(st.getPredicate().getLocalName())
                && vocabulary.relationshipTypes().contains(st.getPredicate().getLocalName());
    }

    private static String id(Resource r) {
        return r.isURIResource() ? r.getURI() : "_:" + r.getId().getLabelString();
    }

    private static String keyOf(Resource r, Map<String, String> keyOfSubject) {
        String known = keyOfSubject.get(id(r));
        if (known != null) {
            return known;
        }
        return r.isURIResource() && RdfTerms.keyOf(r.getURI()) != null ? RdfTerms.keyOf(r.getURI()) : null;
    }

    private static Entity entity(Resource s, String type) {
        String name = text(s, RdfTerms.NAME);
        if (name == null) {
            name = text(s, RDFS.label);
        }
        if (name == null) {
            name = s.isURIResource() ? (s.getLocalName() == null || s.getLocalName().isEmpty() ? s.getURI() : s.getLocalName())
                    : s.getId().getLabelString();
        }
        String key = text(s, RdfTerms.KEY);
        if (key == null && s.isURIResource()) {
            key = RdfTerms.keyOf(s.getURI());
        }
        if (key == null) {
            key = EntityTypes.SERVICE.equals(type) ? EntityKeys.service(name) : EntityKeys.of(type, name);
        }
        var aliases = new LinkedHashSet<String>();
        s.listProperties(RdfTerms.ALIAS).forEachRemaining(st -> aliases.add(st.getObject().toString()));
        if (s.isURIResource() && RdfTerms.keyOf(s.getURI()) == null) {
            aliases.add(s.getURI());
        }
        var props = new LinkedHashMap<String, Object>();
        s.listProperties().forEachRemaining(st -> {
            String local = st.getPredicate().getLocalName();
            boolean ours = st.getPredicate().getURI().startsWith(Vocabulary.NS);
            if (ours && isList(st.getObject())) {
                props.put(local, strings(st.getObject()));
                return;
            }
            if (!st.getObject().isLiteral()) {
                return;
            }
            if (st.getPredicate().equals(RDFS.comment)) {
                props.put("description", st.getLiteral().getLexicalForm());
            } else if (ours && !ENTITY_LITERALS.contains(local) && !local.equals("type")) {
                props.merge(local, value(st.getLiteral()), RdfImport::combine);
            }
        });
        return new Entity(key, type, name, props, aliases, instant(s, RdfTerms.FIRST_SEEN), instant(s, RdfTerms.LAST_SEEN));
    }

    private static Signal signal(Resource s, Map<String, String> keyOfSubject, Vocabulary vocabulary) {
        String type = null;
        for (Statement st : s.listProperties(RDF.type).toList()) {
            String t = st.getObject().asResource().getLocalName();
            if (vocabulary.isA(t, "Signal")) {
                type = t;
            }
        }
        Statement on = s.getProperty(RdfTerms.ON);
        if (on == null || !on.getObject().isResource()) {
            throw new IllegalArgumentException("signal without tp:ON (the entity it is about)");
        }
        String entityKey = keyOf(on.getObject().asResource(), keyOfSubject);
        if (entityKey == null) {
            throw new IllegalArgumentException("tp:ON names " + on.getObject() + ", which is not an entity");
        }
        Instant start = instant(s, RdfTerms.START);
        if (start == null) {
            throw new IllegalArgumentException("signal without tp:start");
        }
        String key = text(s, RdfTerms.KEY) != null ? text(s, RdfTerms.KEY) : "rdf/" + id(s);
        var attrs = new LinkedHashMap<String, Object>();
        s.listProperties().forEachRemaining(st -> {
            String local = st.getPredicate().getLocalName();
            if (isList(st.getObject()) && st.getPredicate().getURI().startsWith(Vocabulary.NS)) {
                attrs.put(local, strings(st.getObject()));
            } else if (st.getObject().isLiteral() && st.getPredicate().getURI().startsWith(Vocabulary.NS)
                    && !Set.of("key", "name", "start", "end", "severity", "source", "ON").contains(local)) {
                attrs.merge(local, value(st.getLiteral()), RdfImport::combine);
            }
        });
        return new Signal(key, type, entityKey, text(s, RdfTerms.NAME), Severity.parse(text(s, RdfTerms.SEVERITY)),
                start, instant(s, RdfTerms.END), attrs, text(s, RdfTerms.SOURCE) == null ? "rdf" : text(s, RdfTerms.SOURCE));
    }

    private static boolean isList(RDFNode n) {
        return n.isResource() && (n.equals(RDF.nil) || n.asResource().hasProperty(RDF.first));
    }

    private static List<String> strings(RDFNode list) {
        var out = new ArrayList<String>();
        list.as(org.apache.jena.rdf.model.RDFList.class).iterator().forEachRemaining(item ->
                out.add(item.isLiteral() ? item.asLiteral().getLexicalForm() : item.toString()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object combine(Object a, Object b) {
        var list = new ArrayList<String>();
        if (a instanceof List<?> l) {
            ((List<Object>) l).forEach(x -> list.add(String.valueOf(x)));
        } else {
            list.add(String.valueOf(a));
        }
        list.add(String.valueOf(b));
        return list;
    }

    private static Object value(Literal l) {
        Object v = l.getValue();
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return l.getLexicalForm();
    }

    private static String text(Resource s, org.apache.jena.rdf.model.Property p) {
        Statement st = s.getProperty(p);
        if (st == null) {
            return null;
        }
        RDFNode o = st.getObject();
        return o.isLiteral() ? o.asLiteral().getLexicalForm() : o.toString();
    }

    private static Instant instant(Resource s, org.apache.jena.rdf.model.Property p) {
        Statement st = s.getProperty(p);
        if (st == null || !st.getObject().isLiteral()) {
            return null;
        }
        Object v = st.getLiteral().getValue();
        if (v instanceof XSDDateTime dt) {
            return dt.asCalendar().toInstant();
        }
        try {
            return Instant.parse(st.getLiteral().getLexicalForm());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(p.getLocalName() + " '" + st.getLiteral().getLexicalForm()
                    + "' is not an xsd:dateTime");
        }
    }
}
