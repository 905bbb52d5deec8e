package dev.taproot.graph.rdf;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

import dev.taproot.graph.vocabulary.Vocabulary;

/** The IRIs Taproot gives to its entities, signals and their properties in RDF. */
public final class RdfTerms {

    /** Namespace of entity IRIs: {@code https://taproot.dev/id/<url-encoded key>}. */
    public static final String ENTITY_NS = "https://taproot.dev/id/";
    /** Namespace of signal IRIs. */
    public static final String SIGNAL_NS = "https://taproot.dev/signal/";

    public static final Property KEY = term("key");
    public static final Property NAME = term("name");
    public static final Property ALIAS = term("alias");
    public static final Property FIRST_SEEN = term("firstSeen");
    public static final Property LAST_SEEN = term("lastSeen");
    public static final Property ON = term("ON");
    public static final Property START = term("start");
    public static final Property END = term("end");
    public static final Property SEVERITY = term("severity");
    public static final Property SOURCE = term("source");

    private RdfTerms() {
    }

    /** A Taproot vocabulary term. */
    public static Property term(String localName) {
        return ResourceFactory.createProperty(Vocabulary.NS, localName);
    }

    /** The IRI of an entity key. */
    public static String entityIri(String key) {
        return ENTITY_NS + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** The key an entity IRI of ours encodes, or null for a foreign IRI. */
    public static String keyOf(String iri) {
        return iri.startsWith(ENTITY_NS) ? URLDecoder.decode(iri.substring(ENTITY_NS.length()), StandardCharsets.UTF_8)
                : null;
    }

    public static String signalIri(String key) {
        return SIGNAL_NS + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** A property name made safe as an IRI local name. */
    static String localName(String property) {
        String s = property.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "p_" + s : s;
    }

    static Resource typeOf(Model m, String type) {
        return m.createResource(Vocabulary.NS + type);
    }
}
