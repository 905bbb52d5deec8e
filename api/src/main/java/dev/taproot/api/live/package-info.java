/**
 * Live evidence: at analysis time Taproot asks the sources configured in {@code taproot.yaml}
 * ({@code sources.prometheus}, {@code sources.jaeger}, {@code sources.tempo}, {@code sources.loki},
 * {@code sources.elasticsearch}) for the telemetry of the entities around the symptom, derives signals
 * and CALLS edges with the case replay's detectors and stores them before the engine reads the graph.
 * {@link dev.taproot.api.live.ConfiguredSources} is the implementation the composition root wires; the
 * clients themselves live in {@code dev.taproot.ingest.live}.
 */
package dev.taproot.api.live;
