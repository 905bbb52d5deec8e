package dev.taproot.rules.model;

import java.util.List;
import java.util.Locale;

/**
 * An example case shipped with a rule: a small graph and signals, and the entity the rule must
 * blame ({@code expect}), or {@code none} for a negative example where the rule must not fire.
 * A name may start with the {@link Kind} it checks, such as {@code "time: ..."} or {@code "competing: ..."}.
 *
 * @param name      what the example shows
 * @param entities  {@code "Type key"} lines
 * @param relations {@code "fromKey TYPE toKey"} lines
 * @param signals   {@code "Type entityKey +offset attr=value ..."} lines (offset like {@code -5m}, {@code 0}, {@code +30s})
 * @param expect    the key of the cause entity the rule must link, or {@code none}
 */
public record RuleExample(String name, List<String> entities, List<String> relations, List<String> signals,
                          String expect) {

    /** What an example checks, read from the prefix of its name ({@code "threshold: ..."}). */
    public enum Kind {
        /** No prefix: the rule's plain case, or any other case. */
        PLAIN,
        /** {@code time:} a cause just inside or just outside the rule's time window. */
        TIME,
        /** {@code threshold:} a cause or effect just above or just below a {@code where} condition. */
        THRESHOLD,
        /** {@code relation:} a cause on an entity the rule's relation or entity types must not reach. */
        RELATION,
        /** {@code competing:} two candidate causes, only one of which the rule may blame. */
        COMPETING;

        /** The kind a name's prefix says, {@link #PLAIN} when it names none. */
        public static Kind of(String name) {
            int colon = name.indexOf(':');
            if (colon > 0) {
                String prefix = name.substring(0, colon).strip().toUpperCase(Locale.ROOT);
                for (Kind k : values()) {
                    if (k != PLAIN && k.name().equals(prefix)) {
                        return k;
                    }
                }
            }
            return PLAIN;
        }
    }

    public RuleExample {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
        signals = List.copyOf(signals);
    }

    public boolean negative() {
        return "none".equalsIgnoreCase(expect);
    }

    /** What the example checks, from its name. */
    public Kind kind() {
        return Kind.of(name);
    }
}
