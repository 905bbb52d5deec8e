package dev.taproot.system;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The groups of packages that depend on each other in a ring (the strongly connected components of the
 * package dependency graph with more than one package). Unlike a list of elementary cycles, which
 * ArchUnit stops counting at a limit, the groups are exact and stay readable when there are many cycles.
 */
final class PackageCycles {

    private final Map<String, Set<String>> uses = new TreeMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> groups = new ArrayList<>();

    private PackageCycles(JavaClasses classes, String root) {
        for (JavaClass c : classes) {
            String from = c.getPackageName();
            uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = d.getTargetClass().getBaseComponentType().getPackageName();
                if (!to.equals(from) && (to.equals(root) || to.startsWith(root + "."))) {
                    uses.get(from).add(to);
                }
            }
        }
        for (String p : uses.keySet()) {
            if (!index.containsKey(p)) {
                visit(p);
            }
        }
    }

    /** Each group of packages under {@code root} that reach each other, every group sorted. */
    static List<Set<String>> in(JavaClasses classes, String root) {
        return new PackageCycles(classes, root).groups;
    }

    private void visit(String p) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        onStack.add(p);
        for (String q : uses.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                visit(q);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            var group = new TreeSet<String>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                group.add(q);
            } while (!q.equals(p));
            if (group.size() > 1) {
                groups.add(group);
            }
        }
    }
}
