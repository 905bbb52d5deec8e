package dev.taproot.rules.runbook;

import java.util.Set;

/**
 * The diagnosed cause a runbook is matched against.
 *
 * @param entity     the cause's name
 * @param service    the service it belongs to (its own name for a service)
 * @param namespace  its namespace, or null
 * @param entityType its entity type
 * @param faultType  its most specific fault type
 * @param alerts     names of the alerts and signals seen on it
 * @param rules      ids of the rules that link it to the symptom
 */
public record RunbookSubject(String entity, String service, String namespace, String entityType, String faultType,
                             Set<String> alerts, Set<String> rules) {

    public RunbookSubject {
        alerts = alerts == null ? Set.of() : Set.copyOf(alerts);
        rules = rules == null ? Set.of() : Set.copyOf(rules);
    }

    /** The names steps may refer to. */
    public java.util.Map<String, String> names() {
        var m = new java.util.HashMap<String, String>();
        m.put("entity", entity);
        m.put("service", service);
        m.put("namespace", namespace);
        m.put("faultType", faultType);
        return m;
    }
}
