package dev.taproot.api.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Incident;
import dev.taproot.graph.rdf.RdfExport;
import dev.taproot.graph.rdf.RdfTerms;
import dev.taproot.graph.rdf.RdfVocabulary;
import dev.taproot.graph.store.GraphReads;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * What SPARQL queries see: the graph as {@link RdfExport} writes it (entities {@code tp:<Type>} with
 * {@code tp:key}, {@code tp:name}, {@code tp:alias}; relationships {@code tp:<TYPE>}; signals with
 * {@code tp:ON}), plus the vocabulary itself (so {@code rdfs:subClassOf*} paths work) and incidents as
 * {@code tp:Incident} with {@code rdfs:label}, {@code tp:resolution}, {@code tp:AFFECTED} and
 * {@code tp:ROOT_CAUSE}.
 */
public final class GraphRdf {

    /** Base of incident IRIs. */
    public static final String INCIDENT_NS = "https://taproot.dev/incident/";

    private GraphRdf() {
    }

    /** The whole graph, the vocabulary and up to {@code incidentLimit} incidents in one model. */
    public static Model read(GraphReads store, int incidentLimit) {
        Model m = RdfExport.toModel(store);
        m.add(RdfVocabulary.model());
        m.setNsPrefix("tp", Vocabulary.NS);
        m.setNsPrefix("rdfs", RDFS.getURI());
        Map<String, Resource> byName = new HashMap<>();
        m.listResourcesWithProperty(RdfTerms.NAME).forEachRemaining(r -> {
            byName.putIfAbsent(r.getProperty(RdfTerms.NAME).getString().toLowerCase(Locale.ROOT), r);
            if (r.hasProperty(RdfTerms.KEY)) {
                byName.put(r.getProperty(RdfTerms.KEY).getString(), r);
            }
        });
        Property affected = m.createProperty(Vocabulary.NS, "AFFECTED");
        Property rootCause = m.createProperty(Vocabulary.NS, "ROOT_CAUSE");
        Property resolution = m.createProperty(Vocabulary.NS, "resolution");
        for (Incident i : store.incidents(incidentLimit)) {
            Resource r = m.createResource(INCIDENT_NS + URLEncoder.encode(i.id(), StandardCharsets.UTF_8));
            r.addProperty(RDF.type, m.createResource(Vocabulary.NS + "Incident"));
            r.addProperty(RDFS.label, i.title());
            if (i.resolution() != null) {
                r.addProperty(resolution, i.resolution());
            }
            for (String a : i.affected()) {
                Resource e = resolve(byName, a);
                if (e != null) {
                    r.addProperty(affected, e);
                }
            }
            Resource cause = i.rootCause() == null ? null : resolve(byName, i.rootCause());
            if (cause != null) {
                r.addProperty(rootCause, cause);
            }
        }
        return m;
    }

    private static Resource resolve(Map<String, Resource> byName, String keyOrName) {
        Resource byKey = byName.get(keyOrName);
        return byKey != null ? byKey : byName.get(keyOrName.toLowerCase(Locale.ROOT));
    }

    /** The IRI of an entity (as {@link RdfExport} writes it). */
    public static String entityIri(Entity e) {
        return RdfTerms.entityIri(e.key());
    }
}
