package dev.taproot.ingest.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taproot.ingest.IngestInput;

/**
 * Reads a plain log file, one record per line. <b>Entity mapping</b>: the file name names the writer,
 * {@code <name>.log} (or {@code <name>.<anything>.log}): a pod name of the
 * {@code <deployment>-<hash>-<suffix>} form maps to the pod and its service, any other name to the
 * service {@code service/<name>}. <b>Time</b>: an ISO-8601 timestamp at the start of the line
 * ({@code 2024-05-01T12:00:00Z}, {@code 2024-05-01 12:00:00,123}, UTC unless an offset is given); a line
 * without one (a stack-trace line) takes the time of the line before, or the input's observation time.
 * <b>Level</b>: the first level word in the line. Blank lines are skipped.
 */
public final class PlainLogParser {

    private static final Pattern TIME = Pattern.compile(
            "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?\\]?");

    public LogSet parse(IngestInput input) {
        String file = input.fileName();
        String writer = file.substring(0, file.indexOf('.') > 0 ? file.indexOf('.') : file.length());
        Map<String, String> labels = Map.of("pod", writer, "service", writer);
        var records = new ArrayList<LogRecord>();
        long last = input.observedAt().toEpochMilli();
        for (String line : input.text().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Long t = time(line);
            if (t != null) {
                last = t;
            }
            records.add(new LogRecord(last, labels, LogLevels.inText(line), line));
        }
        return new LogSet(input.name(), records, java.util.List.of());
    }

    static Long time(String line) {
        Matcher m = TIME.matcher(line);
        if (!m.find()) {
            return null;
        }
        String iso = m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
        try {
            if (m.group(4) == null) {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            String off = m.group(4).equals("Z") ? "Z" : m.group(4).replaceFirst("^([+-]\\d{2})(\\d{2})$", "$1:$2");
            return OffsetDateTime.parse(iso + off).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For tests: the epoch ms of an ISO time. */
    static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
