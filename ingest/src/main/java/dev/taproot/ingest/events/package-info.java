/** Kubernetes Events (core/v1 and events.k8s.io/v1) to typed signals on the objects they involve. */
package dev.taproot.ingest.events;
