/**
 * Version knowledge: drift across namespaces and clusters ({@link dev.taproot.api.drift.FleetDrift}), version
 * pairs known to break, declared ({@link dev.taproot.api.drift.Compatibility}) or learned from confirmed
 * change-caused incidents ({@link dev.taproot.api.drift.LearnedPairs}), together in
 * {@link dev.taproot.api.drift.VersionKnowledge}; and {@link dev.taproot.api.drift.VersionFacts}, which hands
 * the engine what is known about each change it reads. A new kind of fact about changes is one more method
 * of {@code VersionFacts} returning {@link dev.taproot.rules.engine.ChangeFact}s, or another
 * {@link dev.taproot.rules.engine.ChangeFacts} given to the engine where {@code Taproot} wires it.
 */
package dev.taproot.api.drift;
