package dev.taproot.rules.causal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.taproot.graph.model.Entity;

/**
 * Entities that are another service seen from outside, found by general naming rules, so that their
 * signals count for the service behind them:
 * <ul>
 *   <li><b>remote names</b>: a host name or a node a tracer names {@code <host>_remote} (the client's view of
 *       a call, often through a load balancer) that calls nothing itself. Load balancer names are built from
 *       truncated pieces of the service's name ({@code servi-searc-1234.elb...}); a piece of at least four
 *       letters that occurs in the name of exactly one service (its name up to the first {@code _}) names the
 *       service behind. When several entities carry that name, the one called by the same caller as the
 *       remote name wins, else the one that has callers (the server, not the client), else the first by key;</li>
 *   <li><b>front nodes</b>: an entity that calls exactly one entity whose name extends its own
 *       ({@code fn_AWS::Lambda -> fn_AWS::Lambda::Function}) is that entity's front.</li>
 * </ul>
 */
final class ServiceAliases {

    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9@-]+(\\.[A-Za-z0-9-]+)+$");
    private static final String REMOTE = "_remote";
    private static final int MIN_PIECE = 4;

    private ServiceAliases() {
    }

    /**
     * Alias entity key -> the entity key behind it.
     *
     * @param callees entity-level CALLS targets by caller key
     */
    static Map<String, String> find(Map<String, Entity> entities, Map<String, Set<String>> callees) {
        var callers = new LinkedHashMap<String, Set<String>>();
        callees.forEach((from, tos) -> tos.forEach(to -> callers.computeIfAbsent(to, k -> new TreeSet<>()).add(from)));
        var out = new LinkedHashMap<String, String>();
        var keys = new ArrayList<>(entities.keySet());
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            Entity e = entities.get(key);
            Set<String> calls = callees.getOrDefault(key, Set.of());
            if (calls.size() == 1) {
                String target = calls.iterator().next();
                Entity t = entities.get(target);
                if (t != null && extendsName(t.name(), e.name())) {
                    out.put(key, target);
                    continue;
                }
            }
            String host = hostOf(e.name());
            if (host != null && calls.isEmpty()) {
                String behind = behind(key, host, entities, callers);
                if (behind != null) {
                    out.put(key, behind);
                }
            }
        }
        return out;
    }

    private static boolean extendsName(String longer, String shorter) {
        return longer.length() > shorter.length() + 1 && longer.startsWith(shorter)
                && !Character.isLetterOrDigit(longer.charAt(shorter.length()));
    }

    /** The host name of a remote-looking entity name, or null. */
    static String hostOf(String name) {
        String n = name.endsWith(REMOTE) ? name.substring(0, name.length() - REMOTE.length()) : name;
        if (name.endsWith(REMOTE) || HOST.matcher(n).matches()) {
            return n.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String base(String name) {
        int cut = name.indexOf('_');
        String b = cut > 0 ? name.substring(0, cut) : name;
        return b.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String behind(String key, String host, Map<String, Entity> entities, Map<String, Set<String>> callers) {
        String label = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        if (label.contains("@")) {
            label = label.substring(label.indexOf('@') + 1);
        }
        var bases = new TreeSet<String>();
        for (String piece : label.split("-")) {
            if (piece.length() < MIN_PIECE || !piece.chars().allMatch(Character::isLetter)) {
                continue;
            }
            var matching = new TreeSet<String>();
            for (Entity x : entities.values()) {
                if (!x.key().equals(key) && hostOf(x.name()) == null && base(x.name()).contains(piece)) {
                    matching.add(base(x.name()));
                }
            }
            if (matching.size() == 1) {
                bases.addAll(matching);
            }
        }
        if (bases.size() != 1) {
            return null;
        }
        String b = bases.first();
        List<String> named = entities.values().stream()
                .filter(x -> !x.key().equals(key) && hostOf(x.name()) == null && base(x.name()).equals(b))
                .map(Entity::key).sorted().toList();
        Set<String> mine = callers.getOrDefault(key, Set.of());
        List<String> siblings = named.stream()
                .filter(k -> callers.getOrDefault(k, Set.of()).stream().anyMatch(mine::contains)).toList();
        if (siblings.size() == 1) {
            return siblings.get(0);
        }
        List<String> served = named.stream().filter(k -> !callers.getOrDefault(k, Set.of()).isEmpty()).toList();
        if (served.size() == 1) {
            return served.get(0);
        }
        return named.isEmpty() ? null : named.get(0);
    }

    static Set<String> keys(Map<String, String> aliases) {
        return new LinkedHashSet<>(aliases.keySet());
    }
}
