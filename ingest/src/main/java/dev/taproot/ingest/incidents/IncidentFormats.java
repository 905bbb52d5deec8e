package dev.taproot.ingest.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Chooses the reader for an incident file by its name: {@code .ndjson}/{@code .jsonl} (Taproot
 * schema), {@code .csv} (column mapping), {@code .json} (PagerDuty REST list or webhook envelope),
 * {@code .md} (postmortem with YAML front matter); {@code .gz} is unpacked on the fly.
 */
public final class IncidentFormats {

    /** The formats, for messages. */
    public static final List<String> NAMES = List.of("ndjson", "csv", "pagerduty", "postmortem");

    private IncidentFormats() {
    }

    /** The format of a file, from its name, or null when unknown. */
    public static String formatOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return "ndjson";
        }
        if (n.endsWith(".csv")) {
            return "csv";
        }
        if (n.endsWith(".json")) {
            return "pagerduty";
        }
        if (n.endsWith(".md") || n.endsWith(".markdown")) {
            return "postmortem";
        }
        return null;
    }

    /**
     * Opens a reader for a file.
     *
     * @param format  a format name, or null to detect it from the file name
     * @param mapping the CSV column mapping (null: detect Jira or ServiceNow from the header)
     */
    public static IncidentReader open(Path file, String format, CsvColumnMapping mapping) {
        String f = format != null ? format : formatOf(file.getFileName().toString());
        if (f == null) {
            throw new IllegalArgumentException(file + ": unknown incident format (name it .ndjson, .jsonl, .csv, .json or .md, "
                    + "or pass --format " + String.join("|", NAMES) + ")");
        }
        String source = file.toString();
        InputStream in = stream(file);
        return switch (f) {
            case "ndjson" -> new NdjsonIncidentReader(source, in);
            case "csv" -> new CsvIncidentReader(source, in, mapping);
            case "pagerduty" -> new PagerDutyIncidentReader(source, in);
            case "postmortem" -> new PostmortemIncidentReader(source, in);
            default -> throw new IllegalArgumentException("unknown incident format '" + f + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    private static InputStream stream(Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? new GZIPInputStream(in, 64 * 1024) : in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        }
    }
}
