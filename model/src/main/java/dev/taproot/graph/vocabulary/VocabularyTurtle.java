package dev.taproot.graph.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain Turtle {@code vocabulary.ttl} is written in, without an RDF library: {@code @prefix}
 * lines, prefixed names and {@code <IRI>}s, {@code a}, strings, and the {@code ;} {@code ,} {@code .}
 * punctuation. Anything else (blank nodes, collections, long strings, typed or tagged literals) is
 * refused with its line, so an edit the model cannot read fails the build rather than changing the
 * hierarchy quietly; the RDF module checks that Jena reads the same classes, parents and properties.
 */
final class VocabularyTurtle {

    /** One statement, terms expanded to full IRIs; a literal object keeps its quotes. */
    record Triple(String subject, String predicate, String object) {
    }

    static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    private final String text;
    private final Map<String, String> prefixes = new HashMap<>();
    private int pos;
    private int line = 1;

    private VocabularyTurtle(String text) {
        this.text = text;
    }

    /** Every statement of the document, in order. */
    static List<Triple> read(String text) {
        return new VocabularyTurtle(text).statements();
    }

    private List<Triple> statements() {
        var triples = new ArrayList<Triple>();
        for (String token = next(); token != null; token = next()) {
            if (token.equals("@prefix")) {
                String name = next();
                String iri = next();
                expect(".");
                if (name == null || !name.endsWith(":") || iri == null || !iri.startsWith("<")) {
                    throw error("malformed @prefix");
                }
                prefixes.put(name.substring(0, name.length() - 1), iri.substring(1, iri.length() - 1));
                continue;
            }
            String subject = term(token);
            String end;
            do {
                String predicate = term(next());
                do {
                    triples.add(new Triple(subject, predicate, object(next())));
                    end = next();
                } while (",".equals(end));
            } while (";".equals(end));
            if (!".".equals(end)) {
                throw error("expected '.', ';' or ',' but found " + end);
            }
        }
        return triples;
    }

    private String object(String token) {
        if (token != null && token.startsWith("\"")) {
            return token;
        }
        return term(token);
    }

    private String term(String token) {
        if (token == null) {
            throw error("statement ends early");
        }
        if (token.equals("a")) {
            return RDF_TYPE;
        }
        if (token.startsWith("<") && token.endsWith(">")) {
            return token.substring(1, token.length() - 1);
        }
        int colon = token.indexOf(':');
        if (colon >= 0 && prefixes.containsKey(token.substring(0, colon))) {
            return prefixes.get(token.substring(0, colon)) + token.substring(colon + 1);
        }
        throw error("not a term this reader knows: " + token);
    }

    private void expect(String punctuation) {
        String token = next();
        if (!punctuation.equals(token)) {
            throw error("expected '" + punctuation + "' but found " + token);
        }
    }

    /** The next token, or null at the end; comments and white space skipped. */
    private String next() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                if (c == '\n') {
                    line++;
                }
                pos++;
            } else {
                break;
            }
        }
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        char c = text.charAt(pos);
        if (c == ';' || c == ',' || c == '.') {
            pos++;
        } else if (c == '<') {
            pos = closing('>', start);
        } else if (c == '"') {
            if (text.startsWith("\"\"\"", pos)) {
                throw error("long strings are not supported");
            }
            pos = closing('"', start);
            if (pos < text.length() && (text.charAt(pos) == '@' || text.charAt(pos) == '^')) {
                throw error("tagged or typed literals are not supported");
            }
        } else if (c == '[' || c == '(' || c == '_') {
            throw error("blank nodes and collections are not supported");
        } else {
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                    && ";,".indexOf(text.charAt(pos)) < 0 && !endsName(pos)) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    /** A '.' ends a name only when nothing of a name follows it (Turtle allows dots inside names). */
    private boolean endsName(int at) {
        return text.charAt(at) == '.' && (at + 1 >= text.length() || Character.isWhitespace(text.charAt(at + 1)));
    }

    private int closing(char close, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\n') {
                break;
            } else if (c == close) {
                return i + 1;
            }
        }
        throw error("unterminated " + text.charAt(start));
    }

    private IllegalStateException error(String why) {
        return new IllegalStateException("vocabulary.ttl line " + line + ": " + why);
    }
}
