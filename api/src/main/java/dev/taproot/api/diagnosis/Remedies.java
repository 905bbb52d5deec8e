package dev.taproot.api.diagnosis;

import java.util.List;

import dev.taproot.rules.engine.Analysis;
import dev.taproot.search.SimilarHit;

/**
 * What to do about a diagnosed failure: runbook steps that match its most likely cause, and the
 * resolutions of similar past incidents, each with why it was chosen.
 */
@FunctionalInterface
public interface Remedies {

    /** The advice for this analysis, best first. */
    List<Advice> advise(Analysis analysis, List<SimilarHit> similar);
}
