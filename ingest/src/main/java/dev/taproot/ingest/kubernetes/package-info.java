/** Kubernetes objects from manifests, {@code kubectl get -o json} lists and the API, to topology and state signals. */
package dev.taproot.ingest.kubernetes;
