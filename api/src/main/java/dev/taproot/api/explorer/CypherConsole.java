package dev.taproot.api.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

import dev.taproot.api.web.Problem;

/**
 * Read-only Cypher for the explorer, deny by default ({@link CypherReadGuard}): the statement's code
 * must name no clause outside reading and only bounded regular expressions; Neo4j's own plan of it
 * ({@code EXPLAIN}) must be classified read-only and hold only read operators and schema procedures;
 * and it runs in a read-access transaction with a timeout. The embedded DBMS also refuses file URLs.
 * At most {@code maxRows} rows come back, with {@code truncated} set when there were more. Nodes carry
 * their element {@code id} and relationships their {@code start} and {@code end} ids, so a client can
 * draw the rows as a graph.
 */
public final class CypherConsole {

    /** Default most rows returned. */
    public static final int DEFAULT_MAX_ROWS = 1_000;
    private final Driver driver;
    private final String database;
    private final Duration timeout;
    private final int maxRows;

    /** The answer: column names, rows, whether the row cap cut it, and how long it took. */
    public record Result(List<String> columns, List<Map<String, Object>> rows, boolean truncated, long millis) {
    }

    public CypherConsole(Driver driver, String database, Duration timeout, int maxRows) {
        this.driver = driver;
        this.database = database;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    /** Runs one read-only statement with parameters. */
    public Result run(String statement, Map<String, Object> params) {
        if (statement == null || statement.isBlank()) {
            throw Problem.badRequest("query is required: one read-only Cypher statement");
        }
        if (statement.length() > 20_000) {
            throw Problem.badRequest("query is longer than 20000 characters");
        }
        CypherReadGuard.checkText(statement, params).ifPresent(problem -> {
            throw refused(problem);
        });
        long started = System.nanoTime();
        var session = SessionConfig.builder().withDatabase(database).withDefaultAccessMode(AccessMode.READ).build();
        var txConfig = TransactionConfig.builder().withTimeout(timeout).build();
        try (var s = driver.session(session)) {
            return s.executeRead(tx -> {
                var explained = tx.run("EXPLAIN " + statement, params).consume();
                if (explained.queryType() != QueryType.READ_ONLY) {
                    throw refused("the planner classifies the statement as " + explained.queryType()
                            + "; only read-only queries are allowed");
                }
                if (!explained.hasPlan()) {
                    throw refused("Neo4j gave no plan for the statement, so it cannot be checked");
                }
                CypherReadGuard.checkPlan(explained.plan()).ifPresent(problem -> {
                    throw refused(problem);
                });
                var result = tx.run(statement, params);
                List<String> columns = result.keys();
                var rows = new ArrayList<Map<String, Object>>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() >= maxRows) {
                        truncated = true;
                        break;
                    }
                    Record r = result.next();
                    var row = new LinkedHashMap<String, Object>();
                    for (String c : columns) {
                        row.put(c, plain(r.get(c)));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows, truncated, (System.nanoTime() - started) / 1_000_000);
            }, txConfig);
        } catch (Problem p) {
            throw p;
        } catch (ClientException e) {
            String code = e.code() == null ? "" : e.code();
            if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
                throw new Problem(504, "Gateway timeout", "the query ran longer than " + timeout.toSeconds() + " s and was stopped");
            }
            if (code.contains("AccessMode") || code.contains("Forbidden") || code.contains("Security")) {
                throw refused("the database refused it: only read-only queries are allowed");
            }
            throw Problem.badRequest("Cypher error " + code + ": " + firstLine(e.getMessage()));
        } catch (Neo4jException e) {
            throw new Problem(503, "Service unavailable", "the graph store failed the query: " + firstLine(e.getMessage()));
        }
    }

    private static Problem refused(String detail) {
        return new Problem(403, "Forbidden", detail);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A driver value as plain JSON-friendly Java. */
    static Object plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        Object o = v.asObject();
        return plainObject(o);
    }

    private static Object plainObject(Object o) {
        if (o instanceof Node n) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", n.elementId());
            m.put("labels", n.labels());
            m.put("properties", publicProperties(n.asMap()));
            return m;
        }
        if (o instanceof Relationship r) {
            var m = new LinkedHashMap<String, Object>();
            m.put("type", r.type());
            m.put("start", r.startNodeElementId());
            m.put("end", r.endNodeElementId());
            m.put("properties", publicProperties(r.asMap()));
            return m;
        }
        if (o instanceof Path p) {
            var nodes = new ArrayList<Object>();
            p.nodes().forEach(n -> nodes.add(plainObject(n)));
            var rels = new ArrayList<Object>();
            p.relationships().forEach(r -> rels.add(plainObject(r)));
            return Map.of("nodes", nodes, "relationships", rels);
        }
        if (o instanceof List<?> list) {
            return list.stream().map(CypherConsole::plainObject).toList();
        }
        if (o instanceof Map<?, ?> map) {
            var m = new LinkedHashMap<String, Object>();
            map.forEach((k, val) -> m.put(String.valueOf(k), plainObject(val)));
            return m;
        }
        if (o instanceof java.time.temporal.TemporalAccessor t) {
            return t.toString();
        }
        return o;
    }

    private static Map<String, Object> publicProperties(Map<String, Object> props) {
        var m = new LinkedHashMap<String, Object>();
        props.forEach((k, v) -> {
            if (!k.startsWith("_")) {
                m.put(k, plainObject(v));
            }
        });
        return m;
    }

}
