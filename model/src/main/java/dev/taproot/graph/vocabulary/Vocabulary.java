package dev.taproot.graph.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Taproot's type vocabulary: entity, relationship and signal types, with the signal and entity types
 * arranged as an {@code rdfs:subClassOf} hierarchy. Loaded once from {@code vocabulary.ttl} (plain
 * Java, no RDF library: the RDF views of it, for SPARQL and export, are the RDF module's
 * {@code RdfVocabulary}); the transitive closure is computed at load, so {@link #isA} is a set lookup.
 */
public final class Vocabulary {

    /** The namespace of every Taproot term. */
    public static final String NS = "https://taproot.dev/ns#";
    /** The classpath resource the vocabulary is read from. */
    public static final String RESOURCE = "/dev/taproot/graph/vocabulary.ttl";

    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String OWL = "http://www.w3.org/2002/07/owl#";

    private static volatile Vocabulary standard;

    private final Map<String, Set<String>> ancestors;
    private final Set<String> relationshipTypes;

    private Vocabulary(List<VocabularyTurtle.Triple> triples) {
        this.ancestors = closure(triples);
        var rels = new TreeSet<String>();
        for (var t : triples) {
            if (t.predicate().equals(VocabularyTurtle.RDF_TYPE) && t.object().equals(OWL + "ObjectProperty")) {
                rels.add(localName(t.subject()));
            }
        }
        this.relationshipTypes = Collections.unmodifiableSet(rels);
    }

    /** The vocabulary shipped with Taproot. */
    public static Vocabulary standard() {
        Vocabulary v = standard;
        if (v == null) {
            synchronized (Vocabulary.class) {
                if (standard == null) {
                    standard = load();
                }
                v = standard;
            }
        }
        return v;
    }

    private static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary resource missing: " + RESOURCE);
            }
            return new Vocabulary(VocabularyTurtle.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    private static Map<String, Set<String>> closure(List<VocabularyTurtle.Triple> triples) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (var t : triples) {
            if (t.predicate().equals(VocabularyTurtle.RDF_TYPE) && t.object().equals(OWL + "Class")) {
                parents.computeIfAbsent(localName(t.subject()), k -> new LinkedHashSet<>());
            }
        }
        for (var t : triples) {
            if (t.predicate().equals(RDFS + "subClassOf")) {
                parents.computeIfAbsent(localName(t.subject()), k -> new LinkedHashSet<>())
                        .add(localName(t.object()));
            }
        }
        Map<String, Set<String>> all = new HashMap<>();
        for (String type : parents.keySet()) {
            var seen = new LinkedHashSet<String>();
            var todo = new ArrayDeque<String>();
            todo.add(type);
            while (!todo.isEmpty()) {
                String t = todo.poll();
                if (seen.add(t)) {
                    todo.addAll(parents.getOrDefault(t, Set.of()));
                }
            }
            all.put(type, Collections.unmodifiableSet(seen));
        }
        return Collections.unmodifiableMap(all);
    }

    /** The part of an IRI after its namespace ({@code OOMKilled} of {@code https://taproot.dev/ns#OOMKilled}). */
    private static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    /** Whether {@code type} is {@code ancestor} or a kind of it ({@code OOMKilled} is a {@code Fault}). */
    public boolean isA(String type, String ancestor) {
        if (type == null || ancestor == null) {
            return false;
        }
        if (type.equals(ancestor)) {
            return true;
        }
        return ancestors.getOrDefault(type, Set.of()).contains(ancestor);
    }

    /** Whether the vocabulary defines this class (entity or signal type). */
    public boolean knows(String type) {
        return ancestors.containsKey(type);
    }

    /** The type and all its ancestors. */
    public Set<String> ancestorsOf(String type) {
        return ancestors.getOrDefault(type, Set.of(type));
    }

    /** Every class that is {@code ancestor} or a kind of it. */
    public Set<String> kindsOf(String ancestor) {
        var kinds = new TreeSet<String>();
        ancestors.forEach((t, up) -> {
            if (up.contains(ancestor)) {
                kinds.add(t);
            }
        });
        return kinds;
    }

    /** The relationship types. */
    public Set<String> relationshipTypes() {
        return relationshipTypes;
    }

    /** The IRI of a term. */
    public static String iri(String localName) {
        return NS + localName;
    }

    /** Types that are a kind of Signal, for validation and listings. */
    public Set<String> signalTypes() {
        return kindsOf("Signal");
    }

    /** Types that are a kind of Entity. */
    public Set<String> entityTypes() {
        return kindsOf("Entity");
    }

    /** Every class name, for tests and documentation. */
    public Set<String> classes() {
        return new HashSet<>(ancestors.keySet());
    }
}
