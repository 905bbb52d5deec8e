package dev.taproot.rules.engine;

import java.time.Instant;
import java.util.List;

/**
 * The engine's answer: the symptoms it analysed, the ranked root-cause candidates with their
 * evidence, what it ruled out and why, rules that failed, and how long each step took.
 *
 * @param symptoms          the symptom entities analysed
 * @param symptomsInferred  true when the request named none and the engine chose them itself
 * @param windowStart       analysed window start
 * @param windowEnd         analysed window end
 * @param candidates        ranked root-cause candidates, most likely first
 * @param ruledOut          alternatives considered and rejected, with the reason
 * @param ruleFailures      rules that threw while evaluating (the analysis went on without them)
 * @param noConfidentCause  true when nothing explains the symptom well enough to name a cause
 * @param summary           one sentence for humans
 * @param timings           milliseconds spent per step
 */
public record Analysis(List<SymptomRef> symptoms, boolean symptomsInferred, Instant windowStart, Instant windowEnd,
                       List<Candidate> candidates, List<RuledOut> ruledOut, List<RuleFailure> ruleFailures,
                       boolean noConfidentCause, String summary, Timings timings) {

    public Analysis {
        symptoms = List.copyOf(symptoms);
        candidates = List.copyOf(candidates);
        ruledOut = List.copyOf(ruledOut);
        ruleFailures = List.copyOf(ruleFailures);
    }

    /** The top candidate, or null when there is none. */
    public Candidate top() {
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** A symptom entity, with why it was chosen. */
    public record SymptomRef(String entityKey, String name, String type, String reason) {
    }

    /** An alternative the engine considered and rejected. */
    public record RuledOut(String entityKey, String name, String reason) {
    }

    /** A rule that failed during the analysis. */
    public record RuleFailure(String ruleId, String error) {
    }

    /** Time spent per step, in milliseconds. */
    public record Timings(double readMillis, double matchMillis, double rankMillis, double totalMillis,
                          int entities, int relationships, int signals, int causalLinks) {
    }
}
