package dev.taproot.api.explorer;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

import dev.taproot.api.web.Problem;
import dev.taproot.graph.model.GraphCounts;
import dev.taproot.graph.store.GraphStore;

/**
 * SPARQL SELECT, ASK, CONSTRUCT and DESCRIBE through Jena over {@link GraphRdf}'s view of the graph,
 * rebuilt when the graph's counts change (or after a minute). Updates, federated {@code SERVICE} calls
 * and {@code FROM} clauses are refused; a query has a timeout and a row cap.
 */
public final class SparqlEndpoint {

    /** Most records of each kind the RDF view holds. */
    public static final int DEFAULT_VIEW_LIMIT = 100_000;
    private static final long VIEW_TTL_NANOS = 60_000_000_000L;

    private final GraphStore store;
    private final Duration timeout;
    private final int maxRows;
    private Model view;
    private GraphCounts viewCounts;
    private long viewAt;

    /** An answer: its media type and body. */
    public record Answer(String mediaType, String body) {
    }

    public SparqlEndpoint(GraphStore store, Duration timeout, int maxRows) {
        this.store = store;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    /** Runs one query. */
    public Answer run(String text) {
        if (text == null || text.isBlank()) {
            throw Problem.badRequest("query is required: a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE");
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw Problem.badRequest("not a SPARQL query (updates are not accepted): " + e.getMessage());
        }
        if (query.hasDatasetDescription()) {
            throw new Problem(403, "Forbidden", "FROM and FROM NAMED are not allowed: queries run over Taproot's graph");
        }
        if (query.toString().matches("(?s).*\\bSERVICE\\b.*")) {
            throw new Problem(403, "Forbidden", "SERVICE (federated queries) is not allowed");
        }
        SparqlRegexCheck.problem(query).ifPresent(p -> {
            throw new Problem(403, "Forbidden", p);
        });
        if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > maxRows)) {
            query.setLimit(maxRows);
        }
        Model model = view();
        try (QueryExecution qe = QueryExecution.model(model).query(query)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) {
                var out = new ByteArrayOutputStream();
                ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                return new Answer("application/sparql-results+json", out.toString(StandardCharsets.UTF_8));
            }
            if (query.isAskType()) {
                var out = new ByteArrayOutputStream();
                ResultSetFormatter.outputAsJSON(out, qe.execAsk());
                return new Answer("application/sparql-results+json", out.toString(StandardCharsets.UTF_8));
            }
            if (query.isConstructType() || query.isDescribeType()) {
                Model result = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                var w = new StringWriter();
                RDFDataMgr.write(w, result, Lang.TURTLE);
                return new Answer("text/turtle", w.toString());
            }
            throw Problem.badRequest("only SELECT, ASK, CONSTRUCT and DESCRIBE are supported");
        } catch (QueryCancelledException e) {
            throw new Problem(504, "Gateway timeout", "the query ran longer than " + timeout.toSeconds() + " s and was stopped");
        }
    }

    private synchronized Model view() {
        long now = System.nanoTime();
        GraphCounts counts = store.counts();
        if (view == null || !counts.equals(viewCounts) || now - viewAt > VIEW_TTL_NANOS) {
            view = GraphRdf.read(store, DEFAULT_VIEW_LIMIT);
            viewCounts = counts;
            viewAt = now;
        }
        return view;
    }
}
