package dev.taproot.api.explorer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.summary.Plan;

/**
 * What the explorer lets a read token run, decided deny-by-default. A statement passes three checks:
 * <ol>
 *   <li>its code (literals and comments set aside by {@link CypherText}) names no clause outside
 *       reading: administration, file and URL access, other databases, writes;</li>
 *   <li>every regular expression it matches with ({@code =~}) is a literal or parameter that
 *       {@link BoundedRegex} accepts, because no timeout stops one regex evaluation;</li>
 *   <li>Neo4j's own plan of it ({@code EXPLAIN}) holds only operators on {@link #READ_OPERATORS} and
 *       procedure calls on {@link #READ_PROCEDURES}: anything new or unknown is refused.</li>
 * </ol>
 * The plan is the authority (it is Neo4j's parse, not ours); the text checks give clear messages
 * early and keep working if a future planner names an operator differently.
 */
final class CypherReadGuard {

    /** Plan operators a read query needs (names without {@code @database} and {@code (All)}-style suffixes). */
    static final Set<String> READ_OPERATORS = Set.of(
            "ProduceResults", "Projection", "Filter", "Limit", "ExhaustiveLimit", "Skip", "Sort", "PartialSort", "Top",
            "PartialTop", "Distinct", "OrderedDistinct", "Aggregation", "EagerAggregation", "OrderedAggregation", "Eager",
            "Apply", "SemiApply", "AntiSemiApply", "LetSemiApply", "LetAntiSemiApply", "SelectOrSemiApply",
            "SelectOrAntiSemiApply", "LetSelectOrSemiApply", "LetSelectOrAntiSemiApply", "ConditionalApply",
            "AntiConditionalApply", "RollUpApply", "Argument", "ArgumentTracker", "Optional", "Anti", "CartesianProduct",
            "NodeHashJoin", "NodeLeftOuterHashJoin", "NodeRightOuterHashJoin", "ValueHashJoin", "Union", "OrderedUnion",
            "Unwind", "PartitionedUnwind", "Expand", "OptionalExpand", "VarLengthExpand", "PruningVarLengthExpand",
            "BFSPruningVarLengthExpand", "ShortestPath", "StatefulShortestPath", "Repeat", "Trail", "ProjectEndpoints",
            "CacheProperties", "NodeCountFromCountStore", "RelationshipCountFromCountStore", "TriadicSelection",
            "TriadicBuild", "TriadicFilter", "NullifyMetadata", "PathPropagatingBFS", "ProcedureCall");
    /** Procedures a read query may call: the schema and vocabulary lookups of Neo4j itself. */
    static final Set<String> READ_PROCEDURES = Set.of("db.labels", "db.relationshipTypes", "db.propertyKeys",
            "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties");
    /** Scans and seeks read the store through indexes or labels; any operator so named is a read. */
    private static final Pattern SCAN_OR_SEEK = Pattern.compile("[A-Za-z]*(Scan|Seek|Search|Lookup|SeekByRange)");
    /** Clauses no read needs, refused with a clear message before planning. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?<![.\\w$])(LOAD\\s+CSV|USE|SHOW|TERMINATE|GRANT|REVOKE|DENY|ALTER"
                    + "|IN\\s+(?:\\d+\\s+)?(?:CONCURRENT\\s+)?TRANSACTIONS|dbms\\.\\w+|apoc\\.\\w+|gds\\.\\w+"
                    + "|CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|INSERT)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REGEX_OPERATOR = Pattern.compile("=~\\s*(''|\\$(\\w+)|\\$`[^`]*`)?");

    private CypherReadGuard() {
    }

    /** Why the statement's text is refused, or empty. */
    static Optional<String> checkText(String statement, Map<String, Object> params) {
        CypherText text = CypherText.of(statement);
        if (!text.complete()) {
            return Optional.of("the statement has an unclosed string, quoted name or comment");
        }
        Matcher m = FORBIDDEN.matcher(text.code());
        if (m.find()) {
            return Optional.of("the statement uses '" + m.group(1).strip().replaceAll("\\s+", " ")
                    + "'; only read-only queries are allowed");
        }
        Matcher r = REGEX_OPERATOR.matcher(text.code());
        while (r.find()) {
            String pattern;
            if (r.group(1) == null) {
                pattern = null;
            } else if (r.group(1).equals("''")) {
                pattern = text.literalAt(r.start(1));
            } else {
                Object v = params == null ? null : params.get(r.group(2) != null ? r.group(2) : r.group(1).substring(2, r.group(1).length() - 1));
                pattern = v instanceof String s ? s : null;
            }
            Optional<String> problem = BoundedRegex.problem(pattern);
            if (problem.isPresent()) {
                return Optional.of("regular expression refused: " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** Why Neo4j's plan of the statement is refused, or empty. */
    static Optional<String> checkPlan(Plan plan) {
        String op = operatorName(plan.operatorType());
        if (op.equals("ProcedureCall")) {
            String procedure = procedureName(plan);
            if (!READ_PROCEDURES.contains(procedure)) {
                return Optional.of("the procedure '" + procedure + "' is not allowed; the read console calls only "
                        + String.join(", ", READ_PROCEDURES.stream().sorted().toList()));
            }
        } else if (!READ_OPERATORS.contains(op) && !SCAN_OR_SEEK.matcher(op).matches()) {
            return Optional.of("the plan uses the operator '" + op + "', which a read-only query does not need");
        }
        for (Plan child : plan.children()) {
            Optional<String> problem = checkPlan(child);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** {@code Expand(All)@neo4j} is {@code Expand}. */
    static String operatorName(String operatorType) {
        String name = operatorType;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        return name.strip();
    }

    private static String procedureName(Plan plan) {
        Object details = plan.arguments().get("Details");
        String text = details == null ? "" : String.valueOf(details instanceof org.neo4j.driver.Value v ? v.asObject() : details);
        int paren = text.indexOf('(');
        return (paren >= 0 ? text.substring(0, paren) : text).strip();
    }
}
