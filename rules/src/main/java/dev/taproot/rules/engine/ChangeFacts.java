package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.util.List;

import dev.taproot.graph.model.Signal;

/**
 * An extra evidence source for the engine: facts about the changes in an analysed subgraph that the rules
 * cannot see in the signals (a compatibility matrix, what the rest of the fleet runs). The engine calls it
 * once per analysis, after ranking, with every change signal it read; each fact raises its change's unit by
 * {@link ChangeFact.Kind#factor()} and is shown as that candidate's evidence. A source that throws is
 * recorded as a rule failure and the analysis goes on without it.
 */
@FunctionalInterface
public interface ChangeFacts {

    /** No source: the analysis is the rules' alone. */
    ChangeFacts NONE = (topology, changes) -> List.of();

    /**
     * What is known about these changes.
     *
     * @param topology the analysed subgraph, indexed by unit, with calls and dependencies
     * @param changes  the change signals of the analysis (the window and its lookback), oldest first
     * @return facts, any order; none when nothing is known
     */
    List<ChangeFact> about(Topology topology, List<Signal> changes);
}
