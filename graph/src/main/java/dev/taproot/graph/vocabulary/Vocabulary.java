package dev.taproot.graph.vocabulary;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Taproot's type vocabulary: entity, relationship and signal types, with the signal and entity types
 * arranged as an {@code rdfs:subClassOf} hierarchy. Loaded once from {@code vocabulary.ttl} with Jena;
 * the transitive closure is computed at load, so {@link #isA} is a set lookup.
 */
public final class Vocabulary {

    /** The namespace of every Taproot term. */
    public static final String NS = "https://taproot.dev/ns#";
    private static final String RESOURCE = "/dev/taproot/graph/vocabulary.ttl";

    private static volatile Vocabulary standard;

    private final Model model;
    private final Map<String, Set<String>> ancestors;
    private final Set<String> relationshipTypes;

    private Vocabulary(Model model) {
        this.model = model;
        this.ancestors = closure(model);
        var rels = new TreeSet<String>();
        model.listSubjectsWithProperty(RDF.type, OWL.ObjectProperty)
                .forEachRemaining(r -> rels.add(r.getLocalName()));
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
        Model model = ModelFactory.createDefaultModel();
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary resource missing: " + RESOURCE);
            }
            RDFDataMgr.read(model, in, Lang.TURTLE);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        return new Vocabulary(model);
    }

    private static Map<String, Set<String>> closure(Model model) {
        Map<String, Set<String>> parents = new HashMap<>();
        model.listSubjectsWithProperty(RDF.type, OWL.Class).forEachRemaining(c -> {
            if (c.isURIResource()) {
                parents.computeIfAbsent(c.getLocalName(), k -> new LinkedHashSet<>());
            }
        });
        model.listStatements(null, RDFS.subClassOf, (Resource) null).forEachRemaining(st -> {
            parents.computeIfAbsent(st.getSubject().getLocalName(), k -> new LinkedHashSet<>())
                    .add(st.getObject().asResource().getLocalName());
        });
        Map<String, Set<String>> all = new HashMap<>();
        for (String type : parents.keySet()) {
            var seen = new LinkedHashSet<String>();
            var todo = new java.util.ArrayDeque<String>();
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

    /** A copy of the RDF model, for SPARQL and export. */
    public Model model() {
        Model copy = ModelFactory.createDefaultModel();
        copy.add(model);
        copy.setNsPrefixes(model.getNsPrefixMap());
        return copy;
    }

    /** The vocabulary serialised in an RDF syntax (Turtle, JSON-LD, N-Triples, RDF/XML). */
    public String serialise(Lang lang) {
        var out = new StringWriter();
        RDFDataMgr.write(out, model, lang);
        return out.toString();
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
