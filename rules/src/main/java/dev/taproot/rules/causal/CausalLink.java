package dev.taproot.rules.causal;

import dev.taproot.graph.model.Signal;
import dev.taproot.rules.model.Rule;

/**
 * One edge of the causal signal graph: a rule says {@code cause} explains {@code effect}.
 *
 * @param rule    the rule that matched
 * @param cause   the cause signal
 * @param effect  the effect signal
 * @param weight  the rule's confidence
 * @param message the rule's message, filled in
 */
public record CausalLink(Rule rule, Signal cause, Signal effect, double weight, String message) {
}
