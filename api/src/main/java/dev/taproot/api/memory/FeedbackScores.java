package dev.taproot.api.memory;

import java.util.List;
import java.util.Map;

import dev.taproot.graph.model.Feedback;
import dev.taproot.graph.store.FeedbackPort;

/**
 * Feedback as the search uses it: net helpfulness per past incident, read from the graph and cached
 * (refreshed when feedback arrives through this process, and at most {@link #MAX_AGE_MILLIS} old, so
 * several API nodes sharing one graph converge).
 */
public final class FeedbackScores {

    static final long MAX_AGE_MILLIS = 30_000;

    private final FeedbackPort store;
    private volatile Map<String, Integer> scores;
    private volatile long loadedAt;

    FeedbackScores(FeedbackPort store) {
        this.store = store;
    }

    /** Helped minus did-not-help, per incident id (only incidents with feedback). */
    public Map<String, Integer> scores() {
        Map<String, Integer> s = scores;
        if (s == null || System.currentTimeMillis() - loadedAt > MAX_AGE_MILLIS) {
            s = Map.copyOf(store.incidentHelpfulness());
            scores = s;
            loadedAt = System.currentTimeMillis();
        }
        return s;
    }

    /** Stores feedback and makes it count at once. */
    public void add(Feedback feedback) {
        store.addFeedback(feedback);
        scores = null;
    }

    /** The feedback given about one incident. */
    public List<Feedback> about(String incidentId) {
        return store.feedbackAbout(incidentId);
    }
}
