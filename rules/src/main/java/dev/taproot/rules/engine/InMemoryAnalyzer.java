package dev.taproot.rules.engine;

import dev.taproot.rules.causal.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.taproot.graph.model.Entity;
import dev.taproot.graph.model.Signal;
import dev.taproot.graph.model.Subgraph;
import dev.taproot.graph.vocabulary.Vocabulary;
import dev.taproot.rules.engine.Analysis.RuledOut;
import dev.taproot.rules.engine.Analysis.SymptomRef;
import dev.taproot.rules.evidence.EvidenceBuilder;
import dev.taproot.rules.pack.RulePack;
import dev.taproot.rules.ranking.CausalRanker;
import dev.taproot.rules.ranking.RankingSettings;
import dev.taproot.rules.ranking.SignalStrength;
import dev.taproot.rules.ranking.UnitScore;

/** The in-memory part of an analysis: symptoms, rule matching, ranking, evidence. */
final class InMemoryAnalyzer {

    /** How many leading candidates have their past incidents looked up. */
    static final int HISTORY_LOOKUPS = 5;

    private final Vocabulary vocabulary;
    private final RankingSettings settings;
    private final SignalStrength strength;
    private final RuleMatcher matcher;
    private final CausalRanker ranker;
    private final CallerWait callerWait;
    private final WithheldCalls withheldCalls;
    private final ReportedSymptoms reported;

    InMemoryAnalyzer(Vocabulary vocabulary, RankingSettings settings) {
        this.vocabulary = vocabulary;
        this.settings = settings;
        this.strength = new SignalStrength(vocabulary, settings);
        this.matcher = new RuleMatcher(vocabulary);
        this.ranker = new CausalRanker(strength, settings);
        this.callerWait = new CallerWait(strength);
        this.withheldCalls = new WithheldCalls(strength);
        this.reported = new ReportedSymptoms(vocabulary);
    }

    Analysis analyze(Subgraph graph, AnalysisRequest request, RulePack pack, RootCauseEngine.History history,
                     double readMillis) {
        long t0 = System.nanoTime();
        var topology = new Topology(graph, vocabulary);
        Instant from = request.windowStart().minus(AnalysisRequest.DEFAULT_LOOKBACK);
        // by key, so nothing downstream depends on the order the store returned them in
        List<Signal> signals = graph.signals().stream().filter(s -> s.overlaps(from, request.windowEnd()))
                .sorted(Comparator.comparing(Signal::key)).toList();
        signals = callerWait.derive(topology, signals);
        signals = withheldCalls.derive(topology, signals);
        var families = dev.taproot.rules.ranking.SymptomFamilies.of(request.text());

        var symptoms = new ArrayList<SymptomRef>();
        resolveSymptoms(request, topology, signals, symptoms);
        boolean inferred = symptoms.isEmpty();
        if (inferred) {
            inferSymptoms(topology, signals, symptoms);
        }
        var symptomUnits = new LinkedHashSet<String>();
        symptoms.forEach(s -> symptomUnits.add(topology.unit(s.entityKey())));
        if (!inferred) {
            signals = reported.add(topology, signals, symptomUnits, families, request.windowStart(), request.windowEnd());
        }

        List<dev.taproot.rules.model.Rule> rules = pack.select(request.ruleIds());
        RuleMatcher.Result matched = matcher.match(rules, signals, topology);
        long t1 = System.nanoTime();

        List<UnitScore> ranked = ranker.rank(topology, signals, matched.links(), symptomUnits, Map.of(), inferred, families);
        // past incidents are looked up for the leading candidates only (one store read each)
        var leading = new LinkedHashSet<String>();
        ranked.stream().filter(u -> u.anomaly() > 0).limit(HISTORY_LOOKUPS).forEach(u -> leading.add(u.unit()));
        Map<String, Integer> past = leading.isEmpty() ? Map.of() : history.of(leading);
        Map<String, Double> votes = leading.isEmpty() ? Map.of() : history.feedback(leading);
        if (!past.isEmpty() || !votes.isEmpty()) {
            ranked = ranker.rank(topology, signals, matched.links(), symptomUnits, past, votes, inferred, families);
        }
        var failures = new ArrayList<Analysis.RuleFailure>(matched.failures());
        ChangeFactPrior facts = changeFacts(history, topology, signals, failures);
        ranked = facts.apply(ranked);
        long t2 = System.nanoTime();

        var evidence = new EvidenceBuilder(topology, strength, matched.links(), symptomUnits);
        var failed = new java.util.HashSet<String>();
        matched.failures().forEach(f -> failed.add(f.ruleId()));
        var hypotheses = new HypothesisCheck(matcher, topology, rules.stream().filter(r -> !failed.contains(r.id())).toList(),
                signals, matched.links(), symptomUnits);
        ranked = byHypothesis(ranked, hypotheses);
        var candidates = new ArrayList<Candidate>();
        var ruledOut = new ArrayList<RuledOut>();
        double total = ranked.stream().mapToDouble(UnitScore::score).sum();
        double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
        for (UnitScore u : ranked) {
            Entity e = topology.entity(u.unit());
            String name = e == null ? u.unit() : e.name();
            if (u.anomaly() <= 0) {
                ruledOut.add(new RuledOut(u.unit(), name, "no signal on it in the window"));
                continue;
            }
            if (candidates.size() >= request.maxCandidates()) {
                ruledOut.add(new RuledOut(u.unit(), name, String.format(Locale.ROOT,
                        "ranked lower (score %.3f vs %.3f for the top candidate)", u.score(), top)));
                continue;
            }
            // a lower rank never shows a higher confidence: the list reads in one order
            double confidence = Math.min(confidence(u, total, top),
                    candidates.isEmpty() ? 1.0 : candidates.getLast().confidence());
            candidates.add(new Candidate(u.unit(), name, e == null ? "Unresolved" : e.type(), u.unit(),
                    evidence.faultType(u.unit(), signals), confidence, u.score(),
                    facts.explain(u.unit(), evidence.explain(u, confidence, signals)), hypotheses.check(u.unit())));
        }
        for (String s : symptomUnits) {
            if (ranked.stream().noneMatch(r -> r.unit().equals(s) && r.anomaly() > 0)
                    && ruledOut.stream().noneMatch(r -> r.entityKey().equals(s))) {
                ruledOut.add(new RuledOut(s, topology.name(s), "the symptom itself shows no signal in the window"));
            }
        }
        boolean noConfidentCause = candidates.isEmpty() || candidates.get(0).confidence() < settings.minConfidence();
        long t3 = System.nanoTime();
        var timings = new Analysis.Timings(readMillis, (t1 - t0) / 1e6, (t3 - t1) / 1e6,
                readMillis + (t3 - t0) / 1e6, graph.entities().size(), graph.relationships().size(), signals.size(),
                matched.links().size());
        return new Analysis(symptoms, inferred, request.windowStart(), request.windowEnd(), candidates, ruledOut,
                failures, noConfidentCause, summary(candidates, symptoms, noConfidentCause), timings);
    }

    /**
     * The ranking with each candidate's score moved by its hypothesis check: the share of the symptoms the
     * rules' chains from it reach, weighted by {@link RankingSettings#hypothesisWeight()}; best first again.
     */
    private List<UnitScore> byHypothesis(List<UnitScore> ranked, HypothesisCheck hypotheses) {
        double w = settings.hypothesisWeight();
        if (w <= 0) {
            return ranked;
        }
        var out = new ArrayList<UnitScore>(ranked.size());
        for (UnitScore u : ranked) {
            Hypothesis h = u.anomaly() > 0 ? hypotheses.check(u.unit()) : null;
            double f = h == null || h.of() == 0 ? 1.0 : 1 - w + w * h.explains() / (double) h.of();
            out.add(new UnitScore(u.unit(), u.score() * f, u.pageRank(), u.anomaly(), u.fault(), u.onset(), u.onsetPrior(),
                    u.changePrior(), u.historyPrior(), u.feedbackPrior(), u.explained(), u.significance()));
        }
        out.sort(Comparator.comparingDouble(UnitScore::score).reversed().thenComparing(UnitScore::unit));
        return out;
    }

    /** The facts the history knows about the changes read; a source that throws is a failure, not the end. */
    private ChangeFactPrior changeFacts(RootCauseEngine.History history, Topology topology, List<Signal> signals,
                                        List<Analysis.RuleFailure> failures) {
        List<Signal> changes = signals.stream().filter(strength::isChange)
                .sorted(Comparator.comparing(Signal::start).thenComparing(Signal::key)).toList();
        if (changes.isEmpty()) {
            return ChangeFactPrior.none();
        }
        try {
            return ChangeFactPrior.of(topology, history.changeFacts(topology, changes));
        } catch (RuntimeException e) {
            failures.add(new Analysis.RuleFailure(ChangeFactPrior.SOURCE_ID, String.valueOf(e.getMessage())));
            return ChangeFactPrior.none();
        }
    }

    private double confidence(UnitScore u, double total, double top) {
        double share = total <= 0 ? 0 : u.score() / total;
        double relative = top <= 0 ? 0 : u.score() / top;
        double c = u.significance() * (0.4 * relative + 0.6 * Math.sqrt(share)) * (u.explained() ? 1.0 : 0.7);
        return Math.max(0, Math.min(1, c));
    }

    private void resolveSymptoms(AnalysisRequest request, Topology t, List<Signal> signals, List<SymptomRef> out) {
        var seen = new LinkedHashSet<String>();
        for (String s : request.symptomEntities()) {
            for (Entity e : find(t, s)) {
                if (seen.add(e.key())) {
                    out.add(new SymptomRef(e.key(), e.name(), e.type(), "named in the request"));
                }
            }
        }
        if (request.alert() != null && !request.alert().isBlank()) {
            for (Signal s : signals) {
                if (s.name().equalsIgnoreCase(request.alert()) && seen.add(s.entityKey())) {
                    out.add(new SymptomRef(s.entityKey(), t.name(s.entityKey()), type(t, s.entityKey()),
                            "alert " + s.name() + " fired on it"));
                }
            }
        }
        if (out.isEmpty() && request.text() != null && !request.text().isBlank()) {
            String text = request.text().toLowerCase(Locale.ROOT);
            for (Entity e : t.entities().values()) {
                if (e.name().length() >= 3 && text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(
                        e.name().toLowerCase(Locale.ROOT)) + "\\b.*") && seen.add(t.unit(e.key()))) {
                    out.add(new SymptomRef(e.key(), e.name(), e.type(), "mentioned in the symptom text"));
                }
            }
        }
    }

    private static List<Entity> find(Topology t, String nameOrKey) {
        Entity byKey = t.entity(nameOrKey);
        if (byKey != null) {
            return List.of(byKey);
        }
        var out = new ArrayList<Entity>();
        for (Entity e : t.entities().values()) {
            if (e.name().equalsIgnoreCase(nameOrKey)
                    || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(nameOrKey))) {
                out.add(e);
            }
        }
        // prefer the service-level entity when several share the name
        out.sort(Comparator.comparing((Entity e) -> !t.unit(e.key()).equals(e.key())));
        return out.isEmpty() ? out : List.of(out.get(0));
    }

    /** With no symptom given: the most anomalous user-facing units (nobody calls them), else the most anomalous. */
    private void inferSymptoms(Topology t, List<Signal> signals, List<SymptomRef> out) {
        var symptomStrength = new LinkedHashMap<String, Double>();
        for (Signal s : signals) {
            String u = t.unit(s.entityKey());
            double w = strength.raw(s) * (strength.isFault(s) ? 0.5 : 1.0);
            symptomStrength.merge(u, w, (a, b) -> 1 - (1 - a) * (1 - b));
        }
        var entries = new ArrayList<String>();
        if (t.hasCallGraph()) {
            for (String u : symptomStrength.keySet()) {
                if (t.callers(u).isEmpty() && !t.callees(u).isEmpty()) {
                    entries.add(u);
                }
            }
        }
        List<String> pool = entries.isEmpty() ? new ArrayList<>(symptomStrength.keySet()) : entries;
        pool.sort(Comparator.comparingDouble((String u) -> -symptomStrength.get(u)).thenComparing(u -> u));
        for (String u : pool.subList(0, Math.min(entries.isEmpty() ? 1 : 2, pool.size()))) {
            out.add(new SymptomRef(u, t.name(u), type(t, u), String.format(Locale.ROOT,
                    entries.isEmpty() ? "most anomalous entity in the window (strength %.2f)"
                            : "user-facing (nobody calls it) and anomalous in the window (strength %.2f)",
                    symptomStrength.get(u))));
        }
    }


    private static String type(Topology t, String key) {
        Entity e = t.entity(key);
        return e == null ? "Unresolved" : e.type();
    }

    private static String summary(List<Candidate> candidates, List<SymptomRef> symptoms, boolean noConfident) {
        String about = symptoms.isEmpty() ? "the window" : symptoms.get(0).name();
        if (candidates.isEmpty()) {
            return "No signal in the window explains " + about + ".";
        }
        Candidate c = candidates.get(0);
        return String.format(Locale.ROOT, "%s%s (%s) is the most likely root cause of %s, confidence %.2f.",
                noConfident ? "No confident cause; " : "", c.name(), c.faultType(), about, c.confidence());
    }

    static Set<String> unitsOf(Topology t, List<Signal> signals) {
        var out = new LinkedHashSet<String>();
        signals.forEach(s -> out.add(t.unit(s.entityKey())));
        return out;
    }

    static Map<String, List<Signal>> byUnit(Topology t, List<Signal> signals) {
        var out = new HashMap<String, List<Signal>>();
        signals.forEach(s -> out.computeIfAbsent(t.unit(s.entityKey()), k -> new ArrayList<>()).add(s));
        return out;
    }
}
