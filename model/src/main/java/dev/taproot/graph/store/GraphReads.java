package dev.taproot.graph.store;

/**
 * Every read an analysis makes over the graph, and no write: topology, signals and incident history. For
 * clients that read more than one of them (the rule engine, health scores, diagnosis); a client that reads
 * only one takes that port.
 */
public interface GraphReads extends TopologyReads, SignalReads, IncidentReads {
}
