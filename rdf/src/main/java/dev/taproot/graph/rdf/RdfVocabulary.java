package dev.taproot.graph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * The type vocabulary as RDF: the same {@code vocabulary.ttl} that {@link Vocabulary} reads for the
 * hierarchy, loaded once with Jena for SPARQL, export and serving in every RDF syntax.
 */
public final class RdfVocabulary {

    private static volatile Model standard;

    private RdfVocabulary() {
    }

    /** A copy of the vocabulary's RDF model, for SPARQL and export. */
    public static Model model() {
        Model copy = ModelFactory.createDefaultModel();
        Model source = standard();
        copy.add(source);
        copy.setNsPrefixes(source.getNsPrefixMap());
        return copy;
    }

    /** The vocabulary serialised in an RDF syntax (Turtle, JSON-LD, N-Triples, RDF/XML). */
    public static String serialise(Lang lang) {
        var out = new StringWriter();
        RDFDataMgr.write(out, standard(), lang);
        return out.toString();
    }

    private static Model standard() {
        Model m = standard;
        if (m == null) {
            synchronized (RdfVocabulary.class) {
                if (standard == null) {
                    standard = load();
                }
                m = standard;
            }
        }
        return m;
    }

    private static Model load() {
        Model model = ModelFactory.createDefaultModel();
        try (InputStream in = Vocabulary.class.getResourceAsStream(Vocabulary.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary resource missing: " + Vocabulary.RESOURCE);
            }
            RDFDataMgr.read(model, in, Lang.TURTLE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + Vocabulary.RESOURCE, e);
        }
        return model;
    }
}
