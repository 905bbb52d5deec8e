/**
 * The root-cause engine: {@link dev.taproot.rules.engine.RootCauseEngine} reads one bounded subgraph, matches rules ({@link dev.taproot.rules.engine.RuleMatcher}) over its {@link dev.taproot.rules.causal.Topology} and answers an {@link dev.taproot.rules.engine.Analysis}.
 */
package dev.taproot.rules.engine;
