/**
 * Labelled failure cases (CASES.md): their spec, per-case outcomes and the AC@k summaries.
 */
package dev.taproot.rules.eval;
