package dev.taproot.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one input did to the graph once committed.
 *
 * @param source        the input (file or request name)
 * @param format        the ingestor that read it
 * @param accepted      accepted records per kind ({@code Deployment}, {@code Alert}, ...)
 * @param rejected      refused records with location and reason
 * @param entities      entities written
 * @param relationships relationships written
 * @param signals       signals written (including changes Taproot noticed itself)
 * @param incidents     incidents written
 * @param closed        relationships closed because the source no longer reports them
 * @param notes         remarks: ambiguous names, placeholders, changes noticed
 */
public record IngestReport(String source, String format, Map<String, Integer> accepted, List<Rejection> rejected,
                           int entities, int relationships, int signals, int incidents, int closed,
                           List<String> notes) {

    public IngestReport {
        accepted = java.util.Collections.unmodifiableMap(new TreeMap<>(accepted));
        rejected = List.copyOf(rejected);
        notes = List.copyOf(notes);
    }

    /** Sums reports (for a folder or a CLI run). */
    public static IngestReport total(String source, List<IngestReport> reports) {
        var accepted = new TreeMap<String, Integer>();
        var rejected = new java.util.ArrayList<Rejection>();
        var notes = new java.util.ArrayList<String>();
        int e = 0;
        int r = 0;
        int s = 0;
        int i = 0;
        int c = 0;
        for (IngestReport rep : reports) {
            rep.accepted.forEach((k, v) -> accepted.merge(k, v, Integer::sum));
            rejected.addAll(rep.rejected);
            notes.addAll(rep.notes);
            e += rep.entities;
            r += rep.relationships;
            s += rep.signals;
            i += rep.incidents;
            c += rep.closed;
        }
        return new IngestReport(source, "*", accepted, rejected, e, r, s, i, c, notes);
    }

    /** The summary line the CLI ends with. */
    public String summaryLine() {
        return "ingest: " + entities + " entities, " + relationships + " relationships, " + signals + " signals, "
                + rejected.size() + " rejected";
    }
}
