package dev.taproot.rules.engine;

import java.util.List;

/**
 * The hypothesis check of one candidate: if it were the cause, which symptoms would the rules explain
 * (a chain of causal links from its signals reaches them), and which effects do the rules predict
 * along the graph that were not seen ("predicts errors on cartservice that did not happen").
 *
 * @param explained   the symptoms (other than itself) its causal chains reach
 * @param unexplained the symptoms (other than itself) they do not reach
 * @param predicted   where the rules starting from its signals predict an effect
 * @param notSeen     the predicted places that showed no such effect, with what was expected there
 */
public record Hypothesis(List<String> explained, List<String> unexplained, List<String> predicted, List<String> notSeen) {

    /** Predicted effects named in the sentence before "and N more". */
    static final int NAMED = 3;

    public Hypothesis {
        explained = List.copyOf(explained);
        unexplained = List.copyOf(unexplained);
        predicted = List.copyOf(predicted);
        notSeen = List.copyOf(notSeen);
    }

    /** How many symptoms it explains. */
    public int explains() {
        return explained.size();
    }

    /** Of how many symptoms (other than itself). */
    public int of() {
        return explained.size() + unexplained.size();
    }

    /** The share of its predictions that came true (1 when it predicts nothing). */
    public double predictionsSeen() {
        return predicted.isEmpty() ? 1.0 : (double) (predicted.size() - notSeen.size()) / predicted.size();
    }

    /** The check in one sentence. */
    public String sentence(String name) {
        if (of() == 0) {
            return "There is no symptom other than " + name + " for it to explain.";
        }
        var sb = new StringBuilder("If ").append(name).append(" is the cause, it explains ").append(explains()).append(" of ")
                .append(of()).append(of() == 1 ? " symptom" : " symptoms");
        if (!explained.isEmpty()) {
            sb.append(" (").append(String.join(", ", explained)).append(')');
        }
        if (!notSeen.isEmpty()) {
            sb.append("; it predicts ").append(String.join(", ", notSeen.subList(0, Math.min(NAMED, notSeen.size()))));
            if (notSeen.size() > NAMED) {
                sb.append(" and ").append(notSeen.size() - NAMED).append(" more");
            }
            sb.append(", which did not happen");
        } else if (!predicted.isEmpty()) {
            sb.append("; every effect the rules predict from it was seen");
        }
        return sb.append('.').toString();
    }
}
