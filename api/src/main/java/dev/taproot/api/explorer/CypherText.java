package dev.taproot.api.explorer;

import java.util.ArrayList;
import java.util.List;

/**
 * A Cypher statement split, in one left-to-right pass, into code and the string literals inside it,
 * as Cypher's own lexer does: a {@code //} inside a string is text, a quote inside a comment is
 * comment. {@link #code()} is the statement with every string literal blanked to {@code ''}, every
 * quoted name to {@code ``} and every comment to a space, so keyword checks see only code.
 *
 * @param code     the statement without literals and comments
 * @param literals the string literals in order, unescaped
 * @param complete false when a string, quoted name or block comment was never closed
 */
record CypherText(String code, List<Literal> literals, boolean complete) {

    /** A string literal: its text and where its blank {@code ''} sits in {@link #code()}. */
    record Literal(String text, int codeOffset) {
    }

    static CypherText of(String q) {
        var code = new StringBuilder(q.length());
        var literals = new ArrayList<Literal>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (c == '/' && i + 1 < n && q.charAt(i + 1) == '/') {
                int nl = q.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                code.append(' ');
            } else if (c == '/' && i + 1 < n && q.charAt(i + 1) == '*') {
                int end = q.indexOf("*/", i + 2);
                if (end < 0) {
                    return new CypherText(code.toString(), literals, false);
                }
                i = end + 2;
                code.append(' ');
            } else if (c == '\'' || c == '"') {
                var text = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = q.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        text.append(unescape(q.charAt(j + 1)));
                        j += 2;
                    } else if (d == c) {
                        closed = true;
                        j++;
                        break;
                    } else {
                        text.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    return new CypherText(code.toString(), literals, false);
                }
                literals.add(new Literal(text.toString(), code.length()));
                code.append("''");
                i = j;
            } else if (c == '`') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    if (q.charAt(j) == '`') {
                        if (j + 1 < n && q.charAt(j + 1) == '`') {
                            j += 2;
                            continue;
                        }
                        closed = true;
                        j++;
                        break;
                    }
                    j++;
                }
                if (!closed) {
                    return new CypherText(code.toString(), literals, false);
                }
                code.append("``");
                i = j;
            } else {
                code.append(c);
                i++;
            }
        }
        return new CypherText(code.toString(), literals, true);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> c;
        };
    }

    /** The literal whose blank starts at {@code offset} in {@link #code()}, if any. */
    String literalAt(int offset) {
        for (Literal l : literals) {
            if (l.codeOffset() == offset) {
                return l.text();
            }
        }
        return null;
    }
}
