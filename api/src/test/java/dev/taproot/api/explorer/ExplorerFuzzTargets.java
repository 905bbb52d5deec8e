package dev.taproot.api.explorer;

import java.util.Map;

import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;

/** The explorer's guards, reachable from the fuzz test (they are package-private). */
public final class ExplorerFuzzTargets {

    private ExplorerFuzzTargets() {
    }

    /** The Cypher text check never throws: it answers a reason or nothing. */
    public static void cypherGuard(String statement) {
        CypherReadGuard.checkText(statement, Map.of("p", statement));
    }

    /** A SPARQL text either fails to parse (a 400) or is checked for regular expressions. */
    public static void sparqlGuard(String text) {
        try {
            SparqlRegexCheck.problem(QueryFactory.create(text));
        } catch (QueryException e) {
            if (e.getMessage() == null) {
                throw new AssertionError("a SPARQL rejection without a message", e);
            }
        }
    }

    /** The regex check never throws. */
    public static void regexGuard(String pattern) {
        BoundedRegex.problem(pattern);
    }
}
