package dev.taproot.ingest.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads incidents from a CSV export through a {@link CsvColumnMapping}, one row at a time. Times may
 * be ISO-8601, {@code yyyy-MM-dd HH:mm[:ss]} (UTC, as ServiceNow exports) or Jira's
 * {@code dd/MMM/yy h:mm a}; list fields split on commas or semicolons.
 */
public final class CsvIncidentReader implements IncidentReader {

    static final String FORMAT = "csv";
    private static final List<String> LIST_FIELDS = List.of("services", "alerts", "tags", "changes");
    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter JIRA_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd/MMM/yy h:mm a").toFormatter(Locale.ENGLISH);

    private final String source;
    private final CountingInputStream counted;
    private final MappingIterator<Map<String, String>> rows;
    private final CsvParser parser;
    private final CsvColumnMapping mapping;
    private final String format;
    private ParsedIncident next;
    private boolean broken;

    public CsvIncidentReader(String source, InputStream in, CsvColumnMapping mapping) {
        this.source = source;
        this.counted = new CountingInputStream(in);
        try {
            var csv = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);
            this.rows = csv.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(counted);
            this.parser = (CsvParser) rows.getParser();
            List<String> header = new ArrayList<>();
            if (rows.hasNextValue()) {
                parser.getSchema().forEach(c -> header.add(c.getName()));
            }
            this.mapping = mapping != null ? mapping : CsvColumnMapping.detect(header);
            if (this.mapping == null) {
                throw new IllegalArgumentException(source + ": line 1: the CSV header " + header
                        + " matches no known export (jira, servicenow, taproot); pass --csv-mapping field=Column,...");
            }
            for (var e : this.mapping.columns().entrySet()) {
                if (List.of("id", "title").contains(e.getKey()) && !header.contains(e.getValue())) {
                    throw new IllegalArgumentException(source + ": line 1: column '" + e.getValue() + "' (for "
                            + e.getKey() + ") is not in the header " + header);
                }
            }
            this.format = FORMAT + "-" + this.mapping.name();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read the CSV header: " + dev.taproot.graph.store.ErrorMessages.describe(e), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IllegalArgumentException(source + ": line 1: not a CSV header: " + io.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (broken) {
            return false;
        }
        try {
            if (!rows.hasNextValue()) {
                return false;
            }
            long line = parser.currentLocation().getLineNr();
            Map<String, String> row = rows.nextValue();
            next = convert(line, row);
        } catch (IOException | RuntimeException e) {
            broken = true;
            next = ParsedIncident.rejected(new RecordRejection(source, parser.currentLocation().getLineNr(), null,
                    "malformed CSV, the rest of the file is unreadable: " + dev.taproot.graph.store.ErrorMessages.describe(e)));
        }
        return true;
    }

    private ParsedIncident convert(long line, Map<String, String> row) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        try {
            for (var e : mapping.columns().entrySet()) {
                String field = e.getKey();
                String value = row.get(e.getValue());
                if (value == null || value.isBlank()) {
                    continue;
                }
                if (LIST_FIELDS.contains(field)) {
                    var arr = node.putArray(field);
                    for (String part : value.split("[,;]")) {
                        if (!part.isBlank()) {
                            arr.add(part.strip());
                        }
                    }
                } else if (field.equals("started") || field.equals("resolved")) {
                    node.put(field, parseTime(value.strip(), e.getValue()).toString());
                } else {
                    node.put(field, value.strip());
                }
            }
            return ParsedIncident.ok(line, TaprootIncidentSchema.toIncident(node, format));
        } catch (FieldException e) {
            String column = e.field() == null ? null : mapping.columns().getOrDefault(e.field(), e.field());
            return ParsedIncident.rejected(new RecordRejection(source, line, column, dev.taproot.graph.store.ErrorMessages.describe(e)));
        }
    }

    private static Instant parseTime(String value, String column) {
        for (DateTimeFormatter f : List.of(SPACE_SEPARATED, JIRA_TIME)) {
            try {
                return LocalDateTime.parse(value, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return TaprootIncidentSchema.parseTime(value, column);
    }

    @Override
    public ParsedIncident next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedIncident out = next;
        next = null;
        return out;
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException ignored) {
            // only reading
        }
    }
}
