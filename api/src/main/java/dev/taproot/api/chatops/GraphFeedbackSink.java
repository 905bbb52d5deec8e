package dev.taproot.api.chatops;

import java.util.function.Consumer;

import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.store.FeedbackPort;

/**
 * Chat feedback stored in the graph as {@link Feedback}, where the incident memory and the engine read
 * it back: a confirmed or rejected cause becomes a prior on that entity, a helpful incident ranks higher
 * in similar-incident search. One click is one feedback (its id is built from the analysis, the button,
 * the subject and the user, so a repeated click does not count twice). Each stored feedback is then handed
 * to a listener (the version knowledge learns from confirmed change causes).
 */
public final class GraphFeedbackSink implements FeedbackSink {

    private final FeedbackPort store;
    private final Consumer<Feedback> stored;

    public GraphFeedbackSink(FeedbackPort store) {
        this(store, f -> { });
    }

    /** A sink that hands each feedback to {@code stored} once it is in the graph. */
    public GraphFeedbackSink(FeedbackPort store, Consumer<Feedback> stored) {
        this.store = store;
        this.stored = stored;
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
        Feedback feedback = new Feedback(id, kind, aboutIncident ? f.subject() : null, aboutIncident ? null : f.subject(),
                null, f.analysisId(), f.channel() + ":" + f.user(), f.at(), "from " + f.channel());
        store.addFeedback(feedback);
        stored.accept(feedback);
    }
}
