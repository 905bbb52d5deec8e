package dev.taproot.graph.model;

import java.util.Locale;

/** How bad a signal is, normalised across sources. */
public enum Severity {
    INFO, WARNING, ERROR, CRITICAL;

    /** Maps the severities sources use (Alertmanager labels, Kubernetes event types, log levels). */
    public static Severity parse(String text) {
        if (text == null) {
            return WARNING;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "crit", "fatal", "emergency", "alert", "page", "p1", "sev1", "high" -> CRITICAL;
            case "error", "err", "major", "p2", "sev2" -> ERROR;
            case "info", "information", "informational", "normal", "none", "debug", "low", "ok", "p4", "p5" -> INFO;
            default -> WARNING;
        };
    }
}
