/**
 * Incident history import: one {@link dev.taproot.ingest.incidents.IncidentReader} per format (Taproot
 * NDJSON schema, CSV with a column mapping, PagerDuty, Markdown postmortems), streamed in batches by
 * {@link dev.taproot.ingest.incidents.IncidentImporter}. To add a format: write a reader that turns each
 * record into an incident or a {@link dev.taproot.ingest.incidents.RecordRejection} (line, field,
 * reason) and never stops at a bad record, then name it in {@code IncidentFormats}.
 */
package dev.taproot.ingest.incidents;
