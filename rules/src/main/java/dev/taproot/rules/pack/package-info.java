/**
 * Rule packs. A new rule is one YAML entry (in the built-in pack under
 * {@code src/main/resources/dev/taproot/rules/pack/} or in a {@code TAPROOT_RULES} directory) with
 * id, title, category, cause and effect patterns, relation, time, confidence, message, thresholds
 * and its examples; never a code change. {@link dev.taproot.rules.pack.RuleDirectoryWatcher} reloads
 * a directory on change and keeps the last good pack when a file is bad.
 */
package dev.taproot.rules.pack;
