package dev.taproot.api.chatops;

import java.util.function.Consumer;

import dev.taproot.api.actions.ActionDesk;
import dev.taproot.api.diagnosis.Diagnose;
import dev.taproot.api.explorer.EntitySearch;
import dev.taproot.api.explorer.GraphViews;
import dev.taproot.api.explorer.HealthScores;
import dev.taproot.api.memory.IncidentMemory;
import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.ingest.IngestService;

/**
 * What the ChatOps front ends use of the application, each built once by the composition root and
 * handed in here, so that ChatOps never reaches back for the whole application.
 *
 * @param directory       entity names, aliases and fuzzy lookup
 * @param diagnose        the one diagnosis every surface asks
 * @param memory          similar past incidents
 * @param views           neighbourhoods for the answers' context
 * @param health          health scores for {@code health}
 * @param actions         the action desk behind the action buttons
 * @param ingest          where relayed Alertmanager payloads are ingested
 * @param notifier        told of every alert group the relay diagnoses
 * @param store           the graph, for feedback and the user-facing names
 * @param vocabulary      the type vocabulary
 * @param storedFeedback  told of every feedback once it is stored (version pairs learn from it)
 */
public record ChatOpsParts(EntitySearch directory, Diagnose diagnose, IncidentMemory memory, GraphViews views,
                           HealthScores health, ActionDesk actions, IngestService ingest, AlertGroupListener notifier,
                           GraphStore store, Vocabulary vocabulary, Consumer<Feedback> storedFeedback) {
}
