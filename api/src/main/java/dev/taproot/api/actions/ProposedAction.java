package dev.taproot.api.actions;

/**
 * An action a diagnosis proposes. Nothing runs until someone asks for its dry run
 * ({@code POST /api/v1/actions}) and an admin approves it.
 *
 * @param kind      {@code restart}, {@code rollback}, {@code scale} or {@code cordon}
 * @param namespace the Deployment's namespace (null for a node)
 * @param target    the Deployment or node name
 * @param command   the kubectl command with the same effect
 * @param why       why it is proposed for this diagnosis
 */
public record ProposedAction(String kind, String namespace, String target, String command, String why) {
}
