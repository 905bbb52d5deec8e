/**
 * Graph writes of pushed telemetry, coalesced: OTLP pushes arrive many times a second and mostly repeat
 * the topology the graph already holds, so {@link dev.taproot.ingest.coalesce.CoalescedGraphWrites} keeps
 * what its own writes stored, writes only what changes, and writes it from one writer at a time (many
 * pushes in one transaction). Records an analysis reads are stored before the push is answered; only the
 * figures of edges already stored wait, at most one flush interval.
 */
package dev.taproot.ingest.coalesce;
