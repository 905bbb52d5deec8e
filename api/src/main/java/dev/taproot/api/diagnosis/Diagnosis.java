package dev.taproot.api.diagnosis;

import java.util.List;

import dev.taproot.rules.engine.Analysis;
import dev.taproot.search.SimilarHit;

/**
 * The full answer to "what broke first, why, and how did we fix it last time": the engine's analysis
 * and the past incidents most like this failure.
 */
public record Diagnosis(Analysis analysis, List<SimilarHit> similar) {

    public Diagnosis {
        similar = List.copyOf(similar);
    }
}
