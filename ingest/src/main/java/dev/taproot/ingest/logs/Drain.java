package dev.taproot.ingest.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Online log template mining after Drain (He et al., ICWS 2017): a line is split on white space, its
 * variable parts masked (parts of tokens holding digits: ids, numbers, addresses become {@code <*>}), and routed through a fixed-depth tree (by token
 * count, then by its first tokens, tokens holding digits going to a wildcard branch) to a leaf of
 * templates; it joins the most similar one (share of equal tokens at least
 * {@link LogConfig#similarity()}) or starts a new one. Single-threaded; feed lines in time order.
 */
public final class Drain {

    /**
     * Extra masks applied to the whole line before tokenising (each match becomes {@code <*>}); none by
     * default, because the built-in token masking below covers ids, numbers and addresses at a fraction of
     * the cost of regular expressions.
     */
    public static final List<Pattern> DEFAULT_MASKS = List.of();

    /** Characters that split a token into parts for masking; they are kept. */
    private static final String DELIMITERS = "=:,;()[]{}\"'<>|";

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        List<LogTemplate> templates;
    }

    private final LogConfig config;
    private final List<Pattern> masks;
    private final Map<Integer, Node> byLength = new HashMap<>();
    private final List<LogTemplate> templates = new ArrayList<>();

    public Drain(LogConfig config) {
        this(config, DEFAULT_MASKS);
    }

    public Drain(LogConfig config, List<Pattern> masks) {
        this.config = config;
        this.masks = List.copyOf(masks);
    }

    /** Every template so far, by id. */
    public List<LogTemplate> templates() {
        return templates;
    }

    /** Adds a line and returns the template it joined. */
    public LogTemplate add(String line) {
        String[] tokens = tokenize(masks.isEmpty() ? line : mask(line));
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = maskToken(tokens[i]);
        }
        Node leaf = leaf(tokens);
        LogTemplate best = null;
        double bestSim = -1;
        int bestParams = -1;
        for (LogTemplate t : leaf.templates) {
            String[] tt = t.tokens();
            int equal = 0;
            int params = 0;
            for (int i = 0; i < tt.length; i++) {
                if (LogTemplate.WILDCARD.equals(tt[i])) {
                    params++;
                } else if (tt[i].equals(tokens[i])) {
                    equal++;
                }
            }
            double sim = tt.length == 0 ? 1 : equal / (double) tt.length;
            if (sim > bestSim || (sim == bestSim && params > bestParams)) {
                best = t;
                bestSim = sim;
                bestParams = params;
            }
        }
        if (best == null || bestSim < config.similarity()) {
            best = new LogTemplate(templates.size(), tokens);
            templates.add(best);
            leaf.templates.add(best);
        }
        best.join(tokens);
        return best;
    }

    /**
     * A token with its variable parts masked: the token is cut at delimiters ({@code = : , ( ) [ ]} ...),
     * and every part holding a digit becomes {@code <*>} ({@code pid=2227 -> pid=<*>},
     * {@code 10.0.0.1:5432 -> <*>:<*>}); tokens without digits stay as they are.
     */
    static String maskToken(String token) {
        int firstDigit = -1;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                firstDigit = i;
                break;
            }
        }
        if (firstDigit < 0) {
            return token;
        }
        var out = new StringBuilder(token.length());
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            boolean end = i == token.length();
            if (end || DELIMITERS.indexOf(token.charAt(i)) >= 0) {
                appendPart(out, token, start, i);
                if (!end) {
                    out.append(token.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    private static void appendPart(StringBuilder out, String token, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(token.charAt(i))) {
                out.append(LogTemplate.WILDCARD);
                return;
            }
        }
        out.append(token, from, to);
    }

    /** The line with every extra mask's match replaced by {@code <*>}. */
    public String mask(String line) {
        String s = line;
        for (Pattern p : masks) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                s = m.replaceAll(LogTemplate.WILDCARD);
            }
        }
        return s;
    }

    static String[] tokenize(String s) {
        var out = new ArrayList<String>(16);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private Node leaf(String[] tokens) {
        Node node = byLength.computeIfAbsent(tokens.length, k -> new Node());
        int depth = Math.min(config.drainDepth() - 2, tokens.length);
        for (int i = 0; i < depth; i++) {
            String token = variable(tokens[i]) ? LogTemplate.WILDCARD : tokens[i];
            Node next = node.children.get(token);
            if (next == null) {
                if (node.children.size() < config.maxChildren() - 1 || LogTemplate.WILDCARD.equals(token)) {
                    next = new Node();
                    node.children.put(token, next);
                } else {
                    next = node.children.computeIfAbsent(LogTemplate.WILDCARD, k -> new Node());
                }
            }
            node = next;
        }
        if (node.templates == null) {
            node.templates = new ArrayList<>();
        }
        return node;
    }

    /** Tokens with digits, masks or path/URL/assignment characters are likely variables: route them to the wildcard. */
    private static boolean variable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || c == '<' || c == '/' || c == '=' || c == '@') {
                return true;
            }
        }
        return false;
    }
}
