package dev.taproot.ingest.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Online log template mining after Drain (He et al., ICWS 2017): a line is masked (ids, numbers,
 * addresses become {@code <*>}), split on white space, and routed through a fixed-depth tree (by token
 * count, then by its first tokens, tokens holding digits going to a wildcard branch) to a leaf of
 * templates; it joins the most similar one (share of equal tokens at least
 * {@link LogConfig#similarity()}) or starts a new one. Single-threaded; feed lines in time order.
 */
public final class Drain {

    /** Masks applied before tokenising, in order: each match becomes {@code <*>}. */
    public static final List<Pattern> DEFAULT_MASKS = List.of(
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?(?![\\w.])"),
            Pattern.compile("(?<![\\w.-])[A-Za-z0-9][\\w-]*(?:\\.[\\w-]+)+:\\d+(?![\\w])"),
            Pattern.compile("(?<![\\w])0x[0-9a-fA-F]+(?![\\w])"),
            Pattern.compile("(?<![\\w])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{12,}(?![\\w])"),
            Pattern.compile("(?<![\\w.])[-+]?\\d+(?:[.:,]\\d+)*(?![\\w])"));

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
        String[] tokens = tokenize(mask(line));
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

    /** The line with every mask match replaced by {@code <*>}. */
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
        String t = s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
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
