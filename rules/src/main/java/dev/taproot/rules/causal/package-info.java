/**
 * The causal view of one analysis's subgraph, shared by matching, ranking and evidence: the
 * {@link dev.taproot.rules.causal.Topology} (units, callers and callees, aliases) and the
 * {@link dev.taproot.rules.causal.CausalLink}s the rules draw. It depends on the model only, so the engine,
 * the ranking and the evidence can all read it without depending on one another in a circle.
 */
package dev.taproot.rules.causal;
