/**
 * Docker Compose files as topology: services and their dependencies ({@code depends_on}, {@code links},
 * environment values that name another service). See {@link dev.taproot.ingest.compose.ComposeIngestor}.
 */
package dev.taproot.ingest.compose;
