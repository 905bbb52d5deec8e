package dev.taproot.api.diagnosis;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.taproot.rules.engine.Analysis;
import dev.taproot.search.SimilarHit;

/**
 * The product's one answer to "what broke first, why, and what do I do": the same record whatever
 * surface asked (REST, Slack, Mattermost, webhook bots, Alertmanager relay, CLI, demo, MCP).
 *
 * @param id          identifies this diagnosis (feedback refers to it)
 * @param askedAt     when it was asked
 * @param understood  how the question was read: the symptom entity and alert it resolved to, and
 *                    any note (such as a window moved to the latest activity)
 * @param analysis    the engine's analysis: symptoms, ranked causes with evidence, what was ruled out
 *                    (its fields appear at the top level of the JSON)
 * @param blastRadius what depends on the most likely cause, nearest first (empty when there is none)
 * @param similar     past incidents most like this failure, with their resolutions
 * @param whatToDo    runbook steps and past resolutions that fit the most likely cause
 * @param live        telemetry fetched for this diagnosis from the configured sources
 */
public record Diagnosis(String id, Instant askedAt, Understood understood, @JsonUnwrapped Analysis analysis,
                        List<Affected> blastRadius, List<SimilarHit> similar, List<Advice> whatToDo,
                        LiveEvidence.Fetched live) {

    public Diagnosis {
        blastRadius = List.copyOf(blastRadius);
        similar = List.copyOf(similar);
        whatToDo = List.copyOf(whatToDo);
        live = live == null ? LiveEvidence.Fetched.NOTHING : live;
    }

    /**
     * How the question was read.
     *
     * @param question    the question as asked, in words
     * @param symptomKey  the entity it names (null: none; the engine infers the symptoms)
     * @param symptomName that entity's name
     * @param alert       the fired alert it names, or null
     * @param note        a sentence about how the window or symptom was chosen, or empty
     */
    public record Understood(String question, String symptomKey, String symptomName, String alert, String note) {
    }

    /** An entity in the blast radius, {@code hops} dependency steps from the cause. */
    public record Affected(String key, String name, String type, int hops) {
    }
}
