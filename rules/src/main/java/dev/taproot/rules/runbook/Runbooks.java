package dev.taproot.rules.runbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import dev.taproot.graph.vocabulary.Vocabulary;

/** A set of runbooks in force: the built-in ones, with a directory's added (same id: the directory's wins). */
public final class Runbooks {

    private final List<Runbook> all;
    private final Vocabulary vocabulary;

    public Runbooks(List<Runbook> runbooks, Vocabulary vocabulary) {
        var byId = new LinkedHashMap<String, Runbook>();
        runbooks.forEach(r -> byId.put(r.id(), r));
        this.all = List.copyOf(byId.values());
        this.vocabulary = vocabulary;
    }

    /** The built-in runbooks alone. */
    public static Runbooks builtIn(Vocabulary vocabulary) {
        return new Runbooks(new RunbookLoader(vocabulary).builtIn(), vocabulary);
    }

    /** The built-in runbooks and those of {@code dir} (null: none). */
    public static Runbooks with(java.nio.file.Path dir, Vocabulary vocabulary) {
        var loader = new RunbookLoader(vocabulary);
        var list = new ArrayList<>(loader.builtIn());
        if (dir != null) {
            list.addAll(loader.directory(dir));
        }
        return new Runbooks(list, vocabulary);
    }

    public List<Runbook> all() {
        return all;
    }

    /** The runbooks that apply to the cause, most specific first (then by id, so answers are stable). */
    public List<Runbook.Applies> matching(RunbookSubject subject) {
        var out = new ArrayList<Runbook.Applies>();
        for (Runbook r : all) {
            Runbook.Applies a = r.applies(subject, vocabulary);
            if (a != null) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingDouble(Runbook.Applies::weight).reversed().thenComparing(a -> a.runbook().id()));
        return out;
    }

    /** Runs every runbook's examples; one line per failed example. */
    public List<String> test() {
        var failures = new ArrayList<String>();
        for (Runbook r : all) {
            for (Runbook.Example e : r.examples()) {
                boolean matched = r.applies(e.given(), vocabulary) != null;
                if (matched != e.expectMatch()) {
                    failures.add(r.id() + " (" + r.file() + "): example '" + e.name() + "' expected "
                            + (e.expectMatch() ? "a match" : "no match") + " but got " + (matched ? "a match" : "none"));
                }
            }
        }
        return failures;
    }

    /** Examples in all runbooks. */
    public int examples() {
        return all.stream().mapToInt(r -> r.examples().size()).sum();
    }
}
