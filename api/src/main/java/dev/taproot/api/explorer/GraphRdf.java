package dev.taproot.api.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * The graph as RDF in the Taproot vocabulary, for SPARQL: each entity is {@code tp:<Type>} with
 * {@code tp:key}, {@code tp:name}, {@code rdfs:label}, {@code tp:alias}; each current relationship is
 * the triple {@code <from> tp:<TYPE> <to>}; signals are {@code tp:<SignalType>} with {@code tp:ON} the
 * entity, {@code tp:severity} and {@code tp:start}; incidents are {@code tp:Incident} with
 * {@code tp:AFFECTED} and {@code tp:ROOT_CAUSE}. The vocabulary itself is included, so
 * {@code rdfs:subClassOf*} paths work.
 */
public final class GraphRdf {

    /** Base of Taproot's instance IRIs. */
    public static final String ID = "https://taproot.dev/id/";

    private GraphRdf() {
    }

    /** Reads up to {@code limit} of each kind of record from the store into a new model. */
    public static Model read(GraphStore store, Vocabulary vocabulary, int limit) {
        Model m = ModelFactory.createDefaultModel();
        m.add(vocabulary.model());
        m.setNsPrefix("tp", Vocabulary.NS);
        m.setNsPrefix("rdfs", RDFS.getURI());
        Property key = m.createProperty(Vocabulary.NS, "key");
        Property name = m.createProperty(Vocabulary.NS, "name");
        Property alias = m.createProperty(Vocabulary.NS, "alias");
        Map<String, Resource> byName = new HashMap<>();
        for (Entity e : store.entities(null, limit)) {
            Resource r = m.createResource(entityIri(e.key()));
            r.addProperty(RDF.type, m.createResource(Vocabulary.NS + (vocabulary.knows(e.type()) ? e.type() : "Entity")));
            r.addProperty(key, e.key()).addProperty(name, e.name()).addProperty(RDFS.label, e.name());
            e.aliases().forEach(a -> r.addProperty(alias, a));
            byName.putIfAbsent(e.name().toLowerCase(Locale.ROOT), r);
            byName.put(e.key(), r);
        }
        for (Relationship rel : store.relationships(List.of(), limit)) {
            m.add(m.createResource(entityIri(rel.fromKey())), m.createProperty(Vocabulary.NS, rel.type()),
                    m.createResource(entityIri(rel.toKey())));
        }
        Property on = m.createProperty(Vocabulary.NS, "ON");
        Property severity = m.createProperty(Vocabulary.NS, "severity");
        Property start = m.createProperty(Vocabulary.NS, "start");
        for (Signal s : store.signals(List.of(), null, null).stream().limit(limit).toList()) {
            Resource r = m.createResource(ID + "signal/" + encode(s.key()));
            r.addProperty(RDF.type, m.createResource(Vocabulary.NS + (vocabulary.knows(s.type()) ? s.type() : "Signal")));
            r.addProperty(name, s.name()).addProperty(on, m.createResource(entityIri(s.entityKey())))
                    .addProperty(severity, s.severity().name())
                    .addLiteral(start, m.createTypedLiteral(new XSDDateTime(calendar(s.start().toEpochMilli()))));
        }
        Property affected = m.createProperty(Vocabulary.NS, "AFFECTED");
        Property rootCause = m.createProperty(Vocabulary.NS, "ROOT_CAUSE");
        Property resolution = m.createProperty(Vocabulary.NS, "resolution");
        for (Incident i : store.incidents(limit)) {
            Resource r = m.createResource(ID + "incident/" + encode(i.id()));
            r.addProperty(RDF.type, m.createResource(Vocabulary.NS + "Incident"));
            r.addProperty(RDFS.label, i.title());
            if (i.resolution() != null) {
                r.addProperty(resolution, i.resolution());
            }
            i.affected().forEach(a -> {
                Resource e = byName.get(a.toLowerCase(Locale.ROOT));
                if (e == null) {
                    e = byName.get(a);
                }
                if (e != null) {
                    r.addProperty(affected, e);
                }
            });
            if (i.rootCause() != null) {
                Resource e = byName.getOrDefault(i.rootCause().toLowerCase(Locale.ROOT), byName.get(i.rootCause()));
                if (e != null) {
                    r.addProperty(rootCause, e);
                }
            }
        }
        return m;
    }

    /** The IRI of an entity. */
    public static String entityIri(String key) {
        return ID + "entity/" + encode(key);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static java.util.Calendar calendar(long millis) {
        var c = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        c.setTime(new Date(millis));
        return c;
    }
}
