/** Edge lists ({@code .edges.csv}) as CMDBs export them. */
package dev.taproot.ingest.edges;
