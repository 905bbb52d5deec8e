/**
 * Runbooks as data: YAML files that say what to do about a kind of failure. A runbook matches a
 * fault type (its subtypes too, through the vocabulary), an alert name, a rule id or an entity type,
 * and gives steps, the checks that confirm the fix, and links. Built-in runbooks ship in
 * {@code dev/taproot/rules/runbooks/}; a directory of the same files adds to them and replaces a
 * built-in runbook with the same id, reloaded when its files change.
 *
 * <p>To add one: write a {@code runbooks:} entry with {@code id}, {@code title}, {@code match},
 * {@code steps}, {@code checks}, {@code links} and {@code examples} (what it must and must not match),
 * then run {@code taproot runbooks test DIR}.
 */
package dev.taproot.rules.runbook;
