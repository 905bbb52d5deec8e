package dev.taproot.api.explorer;

import java.util.Optional;
import java.util.Set;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * The SPARQL side of {@link BoundedRegex}: every {@code REGEX} and {@code REPLACE} in a query's
 * algebra must have a constant pattern that {@link BoundedRegex} accepts, and the XPath functions
 * that take a regular expression ({@code fn:matches}, {@code fn:replace}, {@code fn:tokenize}) are
 * refused, because Jena, like Neo4j, cannot stop one regex evaluation at the query's timeout.
 */
final class SparqlRegexCheck {

    private static final Set<String> REGEX_FUNCTIONS = Set.of("matches", "replace", "tokenize", "analyze-string");

    private SparqlRegexCheck() {
    }

    /** Why the query's regular expressions are refused, or empty. */
    static Optional<String> problem(Query query) {
        var found = new String[1];
        var exprs = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN f) {
                if (found[0] != null) {
                    return;
                }
                if (f instanceof E_Regex || f instanceof E_StrReplace) {
                    Expr pattern = f.getArg(2);
                    String text = pattern != null && pattern.isConstant() && pattern.getConstant().isString()
                            ? pattern.getConstant().getString() : null;
                    BoundedRegex.problem(text).ifPresent(p -> found[0] = f.getFunctionSymbol().getSymbol() + ": " + p);
                } else if (f instanceof E_Function call) {
                    String iri = call.getFunctionIRI();
                    String local = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
                    if (REGEX_FUNCTIONS.contains(local)) {
                        found[0] = "the function <" + iri + "> takes a regular expression; use REGEX with a constant pattern";
                    }
                }
            }
        };
        Walker.walk(Algebra.compile(query), new OpVisitorBase(), exprs);
        return Optional.ofNullable(found[0]).map(p -> "regular expression refused: " + p);
    }
}
