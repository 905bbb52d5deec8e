package dev.taproot.graph.rdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The triples of a small model as expanded JSON-LD node objects (one per subject, full IRIs, values
 * as {@code @id} / {@code @value} objects), written to a generator that is inside the document's
 * top-level array. JSON-LD merges node objects with the same {@code @id}, so a subject may appear in
 * several of them.
 */
final class JsonLdNodes {

    private JsonLdNodes() {
    }

    static void write(JsonGenerator g, Model m) throws IOException {
        Map<Resource, List<Statement>> bySubject = new LinkedHashMap<>();
        m.listStatements().forEachRemaining(st -> bySubject.computeIfAbsent(st.getSubject(), k -> new ArrayList<>()).add(st));
        for (var entry : bySubject.entrySet()) {
            g.writeStartObject();
            g.writeStringField("@id", id(entry.getKey()));
            Map<String, List<RDFNode>> byPredicate = new LinkedHashMap<>();
            List<String> types = new ArrayList<>();
            for (Statement st : entry.getValue()) {
                if (st.getPredicate().equals(RDF.type) && st.getObject().isURIResource()) {
                    types.add(st.getObject().asResource().getURI());
                } else {
                    byPredicate.computeIfAbsent(st.getPredicate().getURI(), k -> new ArrayList<>()).add(st.getObject());
                }
            }
            if (!types.isEmpty()) {
                g.writeArrayFieldStart("@type");
                for (String t : types) {
                    g.writeString(t);
                }
                g.writeEndArray();
            }
            for (var p : byPredicate.entrySet()) {
                g.writeArrayFieldStart(p.getKey());
                for (RDFNode o : p.getValue()) {
                    value(g, o);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    private static void value(JsonGenerator g, RDFNode o) throws IOException {
        g.writeStartObject();
        if (o.isResource()) {
            g.writeStringField("@id", id(o.asResource()));
        } else {
            Literal l = o.asLiteral();
            g.writeStringField("@value", l.getLexicalForm());
            if (!l.getLanguage().isEmpty()) {
                g.writeStringField("@language", l.getLanguage());
            } else if (l.getDatatypeURI() != null && !l.getDatatypeURI().equals(XSDDatatype.XSDstring.getURI())) {
                g.writeStringField("@type", l.getDatatypeURI());
            }
        }
        g.writeEndObject();
    }

    private static String id(Resource r) {
        return r.isAnon() ? "_:b" + r.getId().getLabelString().replaceAll("[^A-Za-z0-9]", "") : r.getURI();
    }
}
