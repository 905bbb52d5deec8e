package dev.taproot.ingest.rdf;

import org.apache.jena.riot.Lang;

import dev.taproot.graph.rdf.RdfImport;
import dev.taproot.ingest.GraphWriter;
import dev.taproot.ingest.IngestInput;
import dev.taproot.ingest.IngestResult;
import dev.taproot.ingest.Ingestor;
import dev.taproot.ingest.MalformedInputException;

/**
 * RDF in the Taproot vocabulary (Turtle {@code .ttl}, N-Triples {@code .nt}, JSON-LD {@code .jsonld},
 * RDF/XML {@code .rdf}/{@code .owl}), read by {@link RdfImport}: typed subjects become entities and
 * signals, relationship properties become relationships; what does not map is rejected with its subject.
 */
public final class RdfIngestor implements Ingestor {

    public static final String FORMAT = "rdf";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean accepts(IngestInput input) {
        String n = input.fileName();
        return n.endsWith(".ttl") || n.endsWith(".nt") || n.endsWith(".jsonld") || n.endsWith(".rdf")
                || n.endsWith(".owl") || (n.endsWith(".xml") && input.head(2048).contains("rdf:RDF"));
    }

    @Override
    public boolean describesTopology() {
        return true;
    }

    @Override
    public IngestResult ingest(IngestInput input, GraphWriter writer) throws MalformedInputException {
        Lang lang = RdfImport.guessLang(input.fileName(), input.head(200));
        RdfImport.Result read;
        try {
            read = RdfImport.read(input.content(), lang, "urn:taproot:import:");
        } catch (RdfImport.SyntaxError e) {
            throw new MalformedInputException(input.name(), e.location(), e.getMessage(), e);
        }
        var result = new IngestResult.Builder(FORMAT, input.name());
        read.batch().entities().forEach(e -> {
            writer.entity(e);
            result.accept(e.type());
        });
        read.batch().relationships().forEach(r -> {
            writer.relationship(r);
            result.accept(r.type());
        });
        read.batch().signals().forEach(s -> {
            writer.signal(s);
            result.accept(s.type());
        });
        for (String p : read.problems()) {
            int colon = p.indexOf(": ");
            result.reject(colon > 0 ? p.substring(0, colon) : "document", colon > 0 ? p.substring(colon + 2) : p);
        }
        return result.build();
    }
}
