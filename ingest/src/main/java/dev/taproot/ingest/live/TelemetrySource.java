package dev.taproot.ingest.live;

import java.time.Instant;
import java.util.List;

/**
 * One configured backend Taproot reads by itself at analysis time (a trace store, a log store, a
 * metrics server). To add one: a class in this package that asks the backend's HTTP API through a
 * {@link BoundedHttp} and parses the answer into spans, log records or metric sets, and a section in
 * the configuration that builds it.
 */
public interface TelemetrySource {

    /** The endpoint: kind, name, URL, credentials and bounds. */
    LiveEndpoint endpoint();

    /**
     * Fetches the telemetry of {@code services} between {@code from} and {@code to} (the caller asks for
     * the window and its baseline in one range), within the endpoint's deadline and size cap.
     *
     * @param services names the backend labels telemetry with (service names)
     * @throws LiveSourceException naming the source, URL and status when nothing usable came back
     */
    LiveTelemetry fetch(List<String> services, Instant from, Instant to) throws LiveSourceException;
}
