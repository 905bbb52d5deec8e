package dev.taproot.rules.model;

import java.util.List;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.vocabulary.Vocabulary;

/**
 * Which signals a rule side matches: any of the signal types (or a kind of one, by the vocabulary's
 * hierarchy), optionally on some entity types, with every attribute condition true.
 *
 * @param signalTypes signal types; a signal matches when its type is a kind of one of them
 * @param entityTypes entity types the signal must be on (empty: any); kinds count too
 * @param where       attribute conditions, all of which must hold
 */
public record SignalPattern(List<String> signalTypes, List<String> entityTypes, List<Condition> where) {

    public SignalPattern {
        signalTypes = List.copyOf(signalTypes);
        entityTypes = List.copyOf(entityTypes);
        where = List.copyOf(where);
    }

    /** Whether the signal (on that entity, null when unknown) matches, with thresholds resolved. */
    public boolean matches(Signal signal, Entity entity, Vocabulary vocabulary, Thresholds thresholds) {
        boolean typeOk = false;
        for (String t : signalTypes) {
            if (vocabulary.isA(signal.type(), t) || t.equals(signal.name())) {
                typeOk = true;
                break;
            }
        }
        if (!typeOk) {
            return false;
        }
        if (!entityTypes.isEmpty()) {
            if (entity == null) {
                return false;
            }
            boolean ok = entityTypes.stream().anyMatch(t -> vocabulary.isA(entity.type(), t));
            if (!ok) {
                return false;
            }
        }
        for (Condition c : where) {
            if (!c.test(signal, thresholds)) {
                return false;
            }
        }
        return true;
    }
}
