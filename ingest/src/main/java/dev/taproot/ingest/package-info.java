/**
 * The ingest framework: an {@link dev.taproot.ingest.Ingestor} per source format, collected in an
 * {@link dev.taproot.ingest.IngestRegistry} ({@link dev.taproot.ingest.standard.StandardIngestors} lists the
 * shipped ones), run by {@link dev.taproot.ingest.IngestService}, which commits each input's
 * {@link dev.taproot.ingest.GraphWriter} batch in one transaction.
 *
 * <h2>Adding a source</h2>
 * Write one class implementing {@code Ingestor} in its own package: {@code format()}, {@code accepts()}
 * (from the file suffix, then the first bytes), and {@code ingest(input, writer)}, which reads every
 * record, puts the good ones on the writer and rejects the bad ones on its {@code IngestResult.Builder}
 * with location and reason. Throw {@code MalformedInputException} only when the input as a whole
 * cannot be read. Return {@code describesTopology() = true} for formats that describe a whole topology.
 * Then add one line to {@code StandardIngestors}.
 *
 * <h2>Identity</h2>
 * Keys come from {@link dev.taproot.graph.model.EntityKeys}. Names that sources use for things
 * (aliases, DNS names, pod names) are resolved with the writer's {@link dev.taproot.ingest.EntityResolver};
 * a pod a signal names is tied into the topology with {@link dev.taproot.ingest.PodEntities}.
 * File topology carries no validFrom (valid since ever) unless the source states a time.
 */
package dev.taproot.ingest;
