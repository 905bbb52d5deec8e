package dev.taproot.graph.model;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Breadth-first hop distances: the one walk explorer views and the engine's checks share. */
public final class Hops {

    private Hops() {
    }

    /**
     * The hop distance of every key reached from {@code root} within {@code depth} hops, nearest first
     * ({@code root} at 0). {@code neighbours} gives a key's next keys in a fixed order (it may filter).
     */
    public static Map<String, Integer> from(String root, int depth, Function<String, ? extends Iterable<String>> neighbours) {
        var distance = new LinkedHashMap<String, Integer>();
        var queue = new ArrayDeque<String>();
        distance.put(root, 0);
        queue.add(root);
        while (!queue.isEmpty()) {
            String k = queue.poll();
            int d = distance.get(k);
            if (d >= depth) {
                continue;
            }
            for (String next : neighbours.apply(k)) {
                if (distance.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                }
            }
        }
        return distance;
    }
}
