/**
 * Sources Taproot reads by itself at analysis time: trace stores (Jaeger query API, Tempo) and log
 * stores (Loki {@code query_range}, Elasticsearch / OpenSearch {@code _search}). Each is a
 * {@link dev.taproot.ingest.live.TelemetrySource} over one configured
 * {@link dev.taproot.ingest.live.LiveEndpoint}, bounded by a {@link dev.taproot.ingest.live.BoundedHttp}
 * (one deadline for the whole fetch, a byte cap per answer, no redirects, credentials from the
 * configuration) and parsed into the spans and log records the case replay's detectors read, so a live
 * analysis and a replayed case derive signals and CALLS edges the same way.
 *
 * <p>To add a backend: a class implementing {@code TelemetrySource} that builds its requests from
 * service names and a time range, asks through {@code BoundedHttp}, and parses with an existing parser
 * where the format is one; then a configuration section that builds it, and recorded answers of the
 * real API under {@code src/test/resources/live/<backend>/} for its test.
 */
package dev.taproot.ingest.live;
