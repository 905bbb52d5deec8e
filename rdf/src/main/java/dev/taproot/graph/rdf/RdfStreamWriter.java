package dev.taproot.graph.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.vocabulary.RDFS;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Relationship;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.store.GraphVisitor;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * Writes the graph as RDF while it is read, one record at a time, with the same triples as
 * {@link RdfExport}: Turtle (in blocks) and N-Triples through Jena's streaming writers, JSON-LD as an
 * expanded JSON-LD document (an array of node objects) through a streaming JSON generator. Memory
 * holds one record's triples, whatever the size of the graph.
 */
public final class RdfStreamWriter implements GraphVisitor, AutoCloseable {

    private final StreamRDF triples;
    private final JsonGenerator json;

    private RdfStreamWriter(StreamRDF triples, JsonGenerator json) {
        this.triples = triples;
        this.json = json;
    }

    /**
     * A writer of {@code lang} (Turtle, N-Triples or JSON-LD) to {@code out}; close it to finish and flush
     * the document ({@code out} itself stays open).
     */
    public static RdfStreamWriter open(OutputStream out, Lang lang) {
        if (lang == Lang.JSONLD || lang == Lang.JSONLD11) {
            try {
                JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartArray();
                return new RdfStreamWriter(null, g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StreamRDF s = StreamRDFWriter.getWriterStream(out, lang == Lang.TURTLE ? RDFFormat.TURTLE_BLOCKS : RDFFormat.NTRIPLES);
        s.start();
        s.prefix("tp", Vocabulary.NS);
        s.prefix("id", RdfTerms.ENTITY_NS);
        s.prefix("signal", RdfTerms.SIGNAL_NS);
        s.prefix("rdfs", RDFS.getURI());
        s.prefix("xsd", XSDDatatype.XSD + "#");
        return new RdfStreamWriter(s, null);
    }

    @Override
    public void entity(Entity entity) {
        emit(RdfExport.toModel(new dev.taproot.graph.model.Subgraph(List.of(entity), List.of(), List.of())));
    }

    @Override
    public void relationship(Relationship relationship) {
        emit(RdfExport.toModel(new dev.taproot.graph.model.Subgraph(List.of(), List.of(relationship), List.of())));
    }

    @Override
    public void signal(Signal signal) {
        emit(RdfExport.toModel(new dev.taproot.graph.model.Subgraph(List.of(), List.of(), List.of(signal))));
    }

    private void emit(Model m) {
        if (triples != null) {
            m.getGraph().find().forEachRemaining(triples::triple);
        } else {
            try {
                JsonLdNodes.write(json, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        if (triples != null) {
            triples.finish();
            return;
        }
        try {
            json.writeEndArray();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
