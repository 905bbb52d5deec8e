/**
 * RDF views of the graph with Jena: {@link dev.taproot.graph.rdf.RdfExport} turns the graph or a
 * subgraph into a model in the Taproot vocabulary (for SPARQL and Turtle/JSON-LD export) and
 * {@link dev.taproot.graph.rdf.RdfImport} reads Turtle, N-Triples, JSON-LD and RDF/XML back into
 * graph records. Only this package (and the vocabulary) touches Jena types.
 */
package dev.taproot.graph.rdf;
