/** RDF documents in the Taproot vocabulary, as an ingest source. */
package dev.taproot.ingest.rdf;
