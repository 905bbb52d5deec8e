package dev.taproot.graph.rdf;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.RelationshipTypes;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * The graph, or a slice of it, as RDF in the Taproot vocabulary: each entity is
 * {@code <https://taproot.dev/id/<key>>} typed {@code tp:<Type>} with {@code tp:key}, {@code tp:name},
 * {@code tp:alias} and its properties as {@code tp:<property>} literals; each relationship is a direct
 * triple {@code tp:<TYPE>} (open ones only, unless the subgraph was read as of a time); each signal
 * is typed {@code tp:<SignalType>} with {@code tp:ON}, {@code tp:start}, {@code tp:end}, {@code tp:severity}.
 * The model is what SPARQL queries run on and what {@link RdfImport} reads back.
 */
public final class RdfExport {

    private RdfExport() {
    }

    /** A subgraph as an RDF model (with the vocabulary's prefixes). */
    public static Model toModel(Subgraph subgraph) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("tp", Vocabulary.NS);
        m.setNsPrefix("id", RdfTerms.ENTITY_NS);
        m.setNsPrefix("signal", RdfTerms.SIGNAL_NS);
        m.setNsPrefix("rdfs", RDFS.getURI());
        m.setNsPrefix("xsd", XSDDatatype.XSD + "#");
        subgraph.entities().forEach(e -> addEntity(m, e));
        subgraph.relationships().forEach(r -> addRelationship(m, r));
        subgraph.signals().forEach(s -> addSignal(m, s));
        return m;
    }

    /** The whole current graph: every entity, every open topology relationship and every signal. */
    public static Model toModel(GraphReads store) {
        List<Entity> entities = store.entities(null, Integer.MAX_VALUE);
        List<Relationship> rels = store.relationships(RelationshipTypes.TOPOLOGY, Integer.MAX_VALUE);
        List<Signal> signals = store.signals(List.of(), null, null);
        return toModel(new Subgraph(entities, rels, signals));
    }

    /**
     * The RDF syntax a format name asks for: {@code turtle}/{@code ttl}, {@code jsonld}/{@code json-ld},
     * {@code ntriples}/{@code nt}.
     *
     * @throws IllegalArgumentException naming the accepted formats
     */
    public static Lang lang(String format) {
        String f = format == null ? "turtle" : format.toLowerCase(java.util.Locale.ROOT);
        return switch (f) {
            case "turtle", "ttl" -> Lang.TURTLE;
            case "jsonld", "json-ld" -> Lang.JSONLD;
            case "ntriples", "nt" -> Lang.NTRIPLES;
            default -> throw new IllegalArgumentException("format must be turtle, jsonld or ntriples, was '" + format + "'");
        };
    }

    /**
     * The whole graph ({@code key} null), or the neighbourhood of one entity {@code depth} hops deep.
     *
     * @throws java.util.NoSuchElementException when no entity has that key
     */
    public static Model export(GraphReads store, String key, int depth) {
        if (key == null) {
            return toModel(store);
        }
        if (store.entity(key).isEmpty()) {
            throw new java.util.NoSuchElementException("no entity with key '" + key + "'");
        }
        return toModel(store.neighbourhood(key, depth, null));
    }

    /**
     * Writes the whole graph ({@code key} null), or the neighbourhood of one entity {@code depth} hops
     * deep, to {@code out} as it is read: the whole graph is streamed from the store record by record, so
     * memory does not grow with the graph.
     *
     * @throws java.util.NoSuchElementException when no entity has that key (before anything is written)
     */
    public static void stream(GraphReads store, String key, int depth, Lang lang, java.io.OutputStream out) {
        dev.taproot.graph.model.Subgraph slice = null;
        if (key != null) {
            if (store.entity(key).isEmpty()) {
                throw new java.util.NoSuchElementException("no entity with key '" + key + "'");
            }
            slice = store.neighbourhood(key, depth, null);
        }
        try (var writer = RdfStreamWriter.open(out, lang)) {
            if (slice == null) {
                store.stream(writer);
            } else {
                slice.entities().forEach(writer::entity);
                slice.relationships().forEach(writer::relationship);
                slice.signals().forEach(writer::signal);
            }
        }
    }

    /** Serialises a model (Turtle, JSON-LD, N-Triples, RDF/XML). */
    public static String write(Model model, Lang lang) {
        var out = new StringWriter();
        RDFDataMgr.write(out, model, lang);
        return out.toString();
    }

    private static void addEntity(Model m, Entity e) {
        Resource r = m.createResource(RdfTerms.entityIri(e.key()));
        r.addProperty(RDF.type, RdfTerms.typeOf(m, e.type()));
        r.addProperty(RdfTerms.KEY, e.key());
        r.addProperty(RdfTerms.NAME, e.name());
        r.addProperty(RDFS.label, e.name());
        e.aliases().forEach(a -> r.addProperty(RdfTerms.ALIAS, a));
        if (e.firstSeen() != null) {
            r.addLiteral(RdfTerms.FIRST_SEEN, time(m, e.firstSeen()));
        }
        if (e.lastSeen() != null) {
            r.addLiteral(RdfTerms.LAST_SEEN, time(m, e.lastSeen()));
        }
        addProperties(m, r, e.properties());
    }

    private static void addRelationship(Model m, Relationship rel) {
        m.createResource(RdfTerms.entityIri(rel.fromKey()))
                .addProperty(RdfTerms.term(rel.type()), m.createResource(RdfTerms.entityIri(rel.toKey())));
    }

    private static void addSignal(Model m, Signal s) {
        Resource r = m.createResource(RdfTerms.signalIri(s.key()));
        r.addProperty(RDF.type, RdfTerms.typeOf(m, s.type()));
        r.addProperty(RdfTerms.KEY, s.key());
        r.addProperty(RdfTerms.NAME, s.name());
        r.addProperty(RdfTerms.ON, m.createResource(RdfTerms.entityIri(s.entityKey())));
        r.addProperty(RdfTerms.SEVERITY, s.severity().name());
        r.addProperty(RdfTerms.SOURCE, s.source());
        r.addLiteral(RdfTerms.START, time(m, s.start()));
        if (s.end() != null) {
            r.addLiteral(RdfTerms.END, time(m, s.end()));
        }
        addProperties(m, r, s.attributes());
    }

    private static void addProperties(Model m, Resource r, Map<String, Object> props) {
        props.forEach((k, v) -> {
            var p = RdfTerms.term(RdfTerms.localName(k));
            if (v instanceof List<?> list) {
                // an RDF collection keeps order and list-ness (a one-element list stays a list)
                r.addProperty(p, m.createList(list.stream().map(item -> (org.apache.jena.rdf.model.RDFNode)
                        m.createLiteral(String.valueOf(item))).iterator()));
            } else if (v instanceof Long || v instanceof Double || v instanceof Boolean) {
                r.addLiteral(p, m.createTypedLiteral(v));
            } else {
                r.addProperty(p, String.valueOf(v));
            }
        });
    }

    static Literal time(Model m, Instant t) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(t.toEpochMilli());
        return m.createTypedLiteral(c);
    }
}
