package dev.taproot.api.chatops;

import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.store.GraphStore;

/**
 * Chat feedback stored in the graph as {@link Feedback}, where the incident memory and the engine read
 * it back: a confirmed or rejected cause becomes a prior on that entity, a helpful incident ranks higher
 * in similar-incident search. One click is one feedback (its id is built from the analysis, the button,
 * the subject and the user, so a repeated click does not count twice).
 */
public final class GraphFeedbackSink implements FeedbackSink {

    private final GraphStore store;

    public GraphFeedbackSink(GraphStore store) {
        this.store = store;
    }

    @Override
    public void record(ChatFeedback f) {
        Feedback.Kind kind = switch (f.kind()) {
            case "confirm-cause" -> Feedback.Kind.CAUSE_CONFIRMED;
            case "wrong-cause" -> Feedback.Kind.CAUSE_REJECTED;
            case "incident-helped" -> Feedback.Kind.HELPED;
            default -> throw new IllegalArgumentException("unknown feedback kind '" + f.kind() + "'");
        };
        boolean aboutIncident = kind == Feedback.Kind.HELPED;
        String id = f.channel() + ":" + f.analysisId() + ":" + f.kind() + ":" + f.subject() + ":" + f.user();
        store.addFeedback(new Feedback(id, kind, aboutIncident ? f.subject() : null, aboutIncident ? null : f.subject(),
                null, f.analysisId(), f.channel() + ":" + f.user(), f.at(), "from " + f.channel()));
    }
}
