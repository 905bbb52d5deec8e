package dev.taproot.api.http;

import java.util.List;
import java.util.Map;

import dev.taproot.ingest.IngestReport;

/**
 * The answer of {@code POST /api/v1/ingest/<format>}: what was stored, per kind, and every record
 * that was not, with where it was and why.
 *
 * @param format        the source format
 * @param source        the name the input was given ({@code ?source=}), or {@code request}
 * @param accepted      records accepted per kind
 * @param entities      entities written
 * @param relationships relationships written
 * @param signals       signals written
 * @param incidents     incidents written
 * @param closed        relationships closed because a named topology no longer has them
 * @param rejected      records not stored
 * @param notes         remarks about the input as a whole
 */
public record IngestAnswer(String format, String source, Map<String, Integer> accepted, int entities, int relationships,
                           int signals, int incidents, int closed, List<Rejected> rejected, List<String> notes) {

    /** A record that was not stored: where it was in the input, and why. */
    public record Rejected(String location, String reason) {
    }

    /** The answer for a report. */
    static IngestAnswer of(IngestReport report) {
        return new IngestAnswer(report.format(), report.source(), report.accepted(), report.entities(),
                report.relationships(), report.signals(), report.incidents(), report.closed(),
                report.rejected().stream().map(r -> new Rejected(r.location(), r.reason())).toList(), report.notes());
    }
}
