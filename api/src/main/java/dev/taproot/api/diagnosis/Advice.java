package dev.taproot.api.diagnosis;

import java.util.List;

/**
 * One thing to do about a diagnosed failure, and why it is offered.
 *
 * @param source where it comes from: {@code runbook} (a matched runbook) or {@code past-incident}
 *               (how a past incident with the same cause was resolved)
 * @param title  one line
 * @param steps  the steps, in order (may be empty when only a link is known)
 * @param checks how to confirm the fix worked
 * @param links  runbook or postmortem links
 * @param why    why this advice was chosen for this diagnosis
 * @param actions Kubernetes actions the runbook proposes on the cause: nothing runs until someone asks
 *               for a dry run ({@code POST /api/v1/actions}) and an admin approves it
 */
public record Advice(String source, String title, List<String> steps, List<String> checks, List<String> links,
                     String why, List<dev.taproot.api.actions.ProposedAction> actions) {

    public static final String RUNBOOK = "runbook";
    public static final String PAST_INCIDENT = "past-incident";

    public Advice {
        steps = steps == null ? List.of() : List.copyOf(steps);
        checks = checks == null ? List.of() : List.copyOf(checks);
        links = links == null ? List.of() : List.copyOf(links);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Advice that proposes no action. */
    public Advice(String source, String title, List<String> steps, List<String> checks, List<String> links, String why) {
        this(source, title, steps, checks, links, why, List.of());
    }
}
