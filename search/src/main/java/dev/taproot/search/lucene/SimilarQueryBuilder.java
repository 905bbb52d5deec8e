package dev.taproot.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import dev.taproot.search.SimilarQuery;

/**
 * Turns a {@link SimilarQuery} into one Lucene query: each distinct text term searched in every text
 * field (best field wins, the others add a little), plus constant-score clauses for structured
 * matches. Terms are taken as they are: no minimum document or term frequency (unlike MoreLikeThis,
 * whose defaults hide every match in a small history).
 */
final class SimilarQueryBuilder {

    private final Analyzer analyzer;
    private final SearchWeights weights;

    SimilarQueryBuilder(Analyzer analyzer, SearchWeights weights) {
        this.analyzer = analyzer;
        this.weights = weights;
    }

    /**
     * One clause of the query, kept to say why a hit matched: the field, the word as the query gave it
     * (not the analysed stem), and the clause. Clauses of one text word share a {@code group} (a
     * dismax: the best field counts fully, the others by the tie breaker); keyword clauses have -1.
     */
    record Clause(String field, String word, Query query, int group) {
    }

    /** The query and its clauses. */
    record Built(Query query, List<Clause> clauses) {
    }

    /** The query, or null when nothing in {@code q} can match; {@code reader} gives term statistics. */
    Built build(SimilarQuery q, IndexReader reader) {
        var bool = new BooleanQuery.Builder();
        var explained = new ArrayList<Clause>();
        int clauses = 0;
        var textParts = new ArrayList<String>();
        textParts.add(q.text());
        textParts.addAll(q.alerts());
        textParts.addAll(q.signatures());
        textParts.addAll(q.faultTypes().stream().map(f -> f.replace('_', ' ')).toList());
        textParts.addAll(q.entityTypes());
        var words = new java.util.LinkedHashMap<String, String>();
        List<String> terms = terms(String.join(" \n ", textParts), weights.maxQueryTerms(), words);
        for (String term : withoutCommon(terms, reader)) {
            var perField = new ArrayList<Query>();
            for (String field : IncidentFields.TEXT_FIELDS) {
                float boost = weights.fieldBoosts().getOrDefault(field, 0f);
                if (boost > 0) {
                    Query fieldQuery = new BoostQuery(new TermQuery(new Term(field, term)), boost);
                    perField.add(fieldQuery);
                    explained.add(new Clause(field, words.getOrDefault(term, term), fieldQuery, clauses));
                }
            }
            if (!perField.isEmpty()) {
                bool.add(perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, weights.tieBreaker()),
                        Occur.SHOULD);
                clauses++;
            }
        }
        clauses += keywords(bool, explained, IncidentFields.SERVICE, Keywords.entityNames(q.services()), weights.service());
        var neighbours = Keywords.entityNames(q.neighbours());
        neighbours.removeAll(Keywords.entityNames(q.services()));
        clauses += keywords(bool, explained, IncidentFields.SERVICE, neighbours, weights.neighbour());
        clauses += keywords(bool, explained, IncidentFields.ROOT_CAUSE, Keywords.entityNames(q.candidateCauses()), weights.rootCause());
        clauses += keywords(bool, explained, IncidentFields.FAULT, tokens(q.faultTypes()), weights.fault());
        clauses += keywords(bool, explained, IncidentFields.ALERT, tokens(q.alerts()), weights.alert());
        var fp = new LinkedHashSet<String>();
        q.fingerprint().forEach(f -> fp.add(IncidentFields.fingerprintToken(f)));
        q.faultTypes().forEach(f -> fp.add("fault:" + Keywords.token(f)));
        clauses += keywords(bool, explained, IncidentFields.FINGERPRINT, fp, weights.fingerprint());
        return clauses == 0 ? null : new Built(bool.build(), explained);
    }

    /**
     * Leaves out the terms found in more than {@link SearchWeights#commonTerms()} of a large history, as
     * long as a rarer term remains: they add almost nothing to a BM25 score and cost the most to score.
     */
    private List<String> withoutCommon(List<String> terms, IndexReader reader) {
        int docs = reader.maxDoc();
        if (weights.commonTerms() <= 0 || docs < SearchWeights.COMMON_TERMS_MIN_DOCS || terms.size() < 2) {
            return terms;
        }
        long cutoff = (long) (docs * weights.commonTerms());
        var kept = new ArrayList<String>();
        try {
            for (String term : terms) {
                int df = 0;
                for (String field : IncidentFields.TEXT_FIELDS) {
                    df = Math.max(df, reader.docFreq(new Term(field, term)));
                }
                if (df <= cutoff) {
                    kept.add(term);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept.isEmpty() ? terms : kept;
    }

    private static Set<String> tokens(List<String> values) {
        var out = new LinkedHashSet<String>();
        values.forEach(v -> {
            String t = Keywords.token(v);
            if (!t.isEmpty()) {
                out.add(t);
            }
        });
        return out;
    }

    private static int keywords(BooleanQuery.Builder bool, List<Clause> explained, String field, Set<String> values, float boost) {
        if (boost <= 0) {
            return 0;
        }
        int n = 0;
        for (String v : values) {
            Query clause = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, v))), boost);
            bool.add(clause, Occur.SHOULD);
            explained.add(new Clause(field, v, clause, -1));
            n++;
        }
        return n;
    }

    /** The distinct analysed terms of a text, in order of first appearance, at most {@code max}. */
    List<String> terms(String text, int max) {
        return terms(text, max, new java.util.HashMap<>());
    }

    /** The same, recording for each term the word of the text it first came from (lower case). */
    List<String> terms(String text, int max, java.util.Map<String, String> words) {
        var out = new LinkedHashSet<String>();
        try (TokenStream ts = analyzer.tokenStream(IncidentFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            var offsets = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < max) {
                String t = term.toString();
                out.add(t);
                words.putIfAbsent(t, text.substring(offsets.startOffset(), offsets.endOffset()).toLowerCase(java.util.Locale.ROOT));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
