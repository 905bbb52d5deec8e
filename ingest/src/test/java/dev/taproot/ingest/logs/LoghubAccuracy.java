package dev.taproot.ingest.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Grouping accuracy of {@link Drain} on a loghub 2k system, as the log-parsing benchmark of Zhu et al.
 * (ICSE-SEIP 2019) defines it: a line is parsed correctly when the set of lines in its mined template
 * equals the set of lines sharing its true template.
 */
final class LoghubAccuracy {

    record Line(String content, String truth) {
    }

    static List<Line> read(Path structuredCsv) throws IOException {
        var mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        var lines = new ArrayList<Line>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema)
                .readValues(Files.newBufferedReader(structuredCsv))) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                lines.add(new Line(row.get("Content"), row.get("EventId")));
            }
        }
        return lines;
    }

    static double groupingAccuracy(List<Line> lines, LogConfig config) {
        var drain = new Drain(config);
        int[] mined = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            mined[i] = drain.add(lines.get(i).content()).id();
        }
        Map<Integer, Set<Integer>> byMined = new HashMap<>();
        Map<String, Set<Integer>> byTruth = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byMined.computeIfAbsent(mined[i], k -> new HashSet<>()).add(i);
            byTruth.computeIfAbsent(lines.get(i).truth(), k -> new HashSet<>()).add(i);
        }
        int correct = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (byMined.get(mined[i]).equals(byTruth.get(lines.get(i).truth()))) {
                correct++;
            }
        }
        return correct / (double) lines.size();
    }
}
