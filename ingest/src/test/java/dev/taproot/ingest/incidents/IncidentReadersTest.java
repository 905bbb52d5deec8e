package dev.taproot.ingest.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.taproot.graph.model.Incident;
import dev.taproot.graph.testing.SharedData;

class IncidentReadersTest {

    static List<ParsedIncident> all(IncidentReader reader) {
        var out = new ArrayList<ParsedIncident>();
        try (reader) {
            reader.forEachRemaining(out::add);
        }
        return out;
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ndjsonReadsTheFullSchemaWithAliasesAndCrLf() {
        String line = "{\"id\":\"INC-7\",\"title\":\"DB failover\",\"description\":\"primary lost\",\"started\":\"2024-01-02T03:04:05+01:00\","
                + "\"resolved\":1704165000000,\"severity\":2,\"entities\":[\"orders-db\"],\"alerts\":[\"PostgresDown\"],"
                + "\"root_cause\":\"orders-db\",\"fault_type\":\"NodeFailure\",\"resolution\":\"promoted replica\","
                + "\"runbook\":\"https://rb/db\",\"postmortem\":\"https://pm/7\",\"resolvedBy\":\"bob\",\"tags\":[\"db\"],"
                + "\"changes\":[\"CHG-1\"],\"properties\":{\"team\":\"data\",\"cost\":3.5}}\r\n\r\n";
        var parsed = all(new NdjsonIncidentReader("f.ndjson", bytes(line)));
        assertThat(parsed).hasSize(1);
        Incident i = parsed.get(0).incident();
        assertThat(i.started()).isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
        assertThat(i.severity()).isEqualTo("2");
        assertThat(i.affected()).containsExactly("orders-db");
        assertThat(i.rootCause()).isEqualTo("orders-db");
        assertThat(i.faultType()).isEqualTo("NodeFailure");
        assertThat(i.links()).containsExactly("https://rb/db", "https://pm/7");
        assertThat(i.resolvedBy()).isEqualTo("bob");
        assertThat(i.properties()).containsEntry("alerts", List.of("PostgresDown")).containsEntry("changes", List.of("CHG-1"))
                .containsEntry("team", "data").containsEntry("cost", 3.5);
    }

    @Test
    void ndjsonRejectsEachBadRecordWithItsLineAndFieldAndGoesOn() {
        String big = "{\"id\":\"B\",\"title\":\"" + "x".repeat(2000) + "\"}";
        String input = String.join("\n",
                "{\"id\":\"ok-1\",\"title\":\"fine\"}",
                "[1,2]",
                "{\"id\":\"dup\",\"title\":\"a\",\"title\":\"b\"}",
                "{\"id\":\"r\",\"title\":\"a\",\"started\":\"2024-01-02T00:00:00Z\",\"resolved\":\"2024-01-01T00:00:00Z\"}",
                "{\"id\":\"t\",\"title\":\"a\",\"root_cause\":{\"entity\":\"db\",\"kind\":\"x\"}}",
                "{\"id\":\"p\",\"title\":\"a\",\"properties\":{\"nested\":{\"a\":1}}}",
                "{\"id\":\"s\",\"title\":true}",
                big,
                "{\"id\":\"ok-2\",\"title\":\"fine too\"}",
                "{\"id\":\"trunc\",\"ti");
        var parsed = all(new NdjsonIncidentReader("f.ndjson", bytes(input), 1024));
        assertThat(parsed.stream().filter(ParsedIncident::isOk).map(p -> p.incident().id())).containsExactly("ok-1", "ok-2");
        var rejected = parsed.stream().filter(p -> !p.isOk()).map(ParsedIncident::rejection).toList();
        assertThat(rejected).extracting(RecordRejection::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L);
        assertThat(rejected).extracting(RecordRejection::field)
                .containsExactly(null, null, "resolved", "root_cause.kind", "properties.nested", "title", null, null);
        assertThat(rejected.get(0).reason()).contains("expected a JSON object");
        assertThat(rejected.get(1).reason()).contains("malformed JSON").containsIgnoringCase("duplicate");
        assertThat(rejected.get(6).reason()).contains("larger than 1024 bytes");
        assertThat(rejected.get(7).reason()).contains("truncated");
    }

    @Test
    void csvJiraExportIsDetectedFromItsHeader() {
        String csv = """
                Issue key,Summary,Description,Created,Resolved,Priority,Component/s,Labels,Assignee,Custom field (Resolution notes)
                OPS-1,Checkout 500s,"payments timed out, retries piled up",12/Mar/24 10:15 AM,12/Mar/24 11:00 AM,Highest,"checkout;payment",pay,alice,raised pool size
                OPS-2,Bad row,x,not a date,,Low,,,,
                """;
        var parsed = all(new CsvIncidentReader("jira.csv", bytes(csv), null));
        assertThat(parsed).hasSize(2);
        Incident i = parsed.get(0).incident();
        assertThat(i.id()).isEqualTo("OPS-1");
        assertThat(i.description()).isEqualTo("payments timed out, retries piled up");
        assertThat(i.started()).isEqualTo(Instant.parse("2024-03-12T10:15:00Z"));
        assertThat(i.affected()).containsExactly("checkout", "payment");
        assertThat(i.resolution()).isEqualTo("raised pool size");
        assertThat(i.source()).isEqualTo("csv-jira");
        assertThat(parsed.get(1).rejection().line()).isEqualTo(3);
        assertThat(parsed.get(1).rejection().field()).isEqualTo("Created");
    }

    @Test
    void csvServiceNowAndCustomMappings() {
        String sn = "number,short_description,opened_at,resolved_at,cmdb_ci,close_notes,resolved_by\n"
                + "INC0010001,Email down,2024-02-01 08:00:00,2024-02-01 09:30:00,exchange-01,restarted transport service,dave\n";
        var parsed = all(new CsvIncidentReader("sn.csv", bytes(sn), null));
        assertThat(parsed.get(0).incident().resolvedBy()).isEqualTo("dave");
        assertThat(parsed.get(0).incident().resolved()).isEqualTo(Instant.parse("2024-02-01T09:30:00Z"));

        var custom = CsvColumnMapping.parse("id=Ticket,title=Headline,resolution=Fix");
        var rows = all(new CsvIncidentReader("x.csv", bytes("Ticket,Headline,Fix\nT-1,Queue backlog,scaled consumers\n"), custom));
        assertThat(rows.get(0).incident().resolution()).isEqualTo("scaled consumers");
        assertThatThrownBy(() -> CsvColumnMapping.parse("id=A,colour=B")).hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> new CsvIncidentReader("y.csv", bytes("a,b\n1,2\n"), null))
                .hasMessageContaining("matches no known export");
    }

    @Test
    void pagerDutyWebhookExamplesYieldTheIncidentAndRejectOtherResourcesByType() throws IOException {
        Path dir = SharedData.require("pagerduty-webhook-v3");
        var incidents = new ArrayList<Incident>();
        var rejected = new ArrayList<RecordRejection>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (ParsedIncident p : all(IncidentFormats.open(f, null, null))) {
                    if (p.isOk()) {
                        incidents.add(p.incident());
                    } else {
                        rejected.add(p.rejection());
                    }
                }
            }
        }
        // 02 (incident.priority_updated envelope) and 04 (the incident object) describe PGR0VU2
        assertThat(incidents).extracting(Incident::id).containsExactly("PGR0VU2", "PGR0VU2");
        Incident i = incidents.get(0);
        assertThat(i.title()).isEqualTo("A little bump in the road");
        assertThat(i.affected()).containsExactly("API Service");
        assertThat(i.severity()).isEqualTo("P1");
        assertThat(i.started()).isEqualTo(Instant.parse("2020-04-09T15:16:27Z"));
        assertThat(rejected).hasSize(13).allSatisfy(r -> assertThat(r.reason()).startsWith("not an incident"));
    }

    @Test
    void pagerDutyRestListIsStreamedIncidentByIncident() {
        String list = "{\"limit\":25,\"incidents\":[{\"id\":\"P1\",\"type\":\"incident\",\"title\":\"disk full\","
                + "\"status\":\"resolved\",\"created_at\":\"2024-01-01T00:00:00Z\",\"last_status_change_at\":\"2024-01-01T01:00:00Z\","
                + "\"service\":{\"summary\":\"db\"}},{\"id\":\"P2\",\"type\":\"incident\",\"title\":\"x\",\"created_at\":\"soon\"},"
                + "{\"id\":\"P3\",\"type\":\"incident\",\"title\":\"cpu\"}],\"more\":false}";
        var parsed = all(new PagerDutyIncidentReader("list.json", bytes(list)));
        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0).incident().resolved()).isEqualTo(Instant.parse("2024-01-01T01:00:00Z"));
        assertThat(parsed.get(1).rejection().field()).isEqualTo("incidents[1].created_at");
        assertThat(parsed.get(2).incident().id()).isEqualTo("P3");
        assertThat(all(new PagerDutyIncidentReader("bad.json", bytes("{\"incidents\":[{\"id\":"))).get(0).rejection().reason())
                .contains("malformed JSON");
    }

    @Test
    void everyPublicPostmortemReadsAsOneIncidentWithCategoriesAndAResolution() throws IOException {
        Path dir = SharedData.require("postmortems-icco/data");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSize(242);
        int withResolution = 0;
        for (Path f : files) {
            var parsed = all(IncidentFormats.open(f, null, null));
            assertThat(parsed).hasSize(1);
            assertThat(parsed.get(0).isOk()).as("%s: %s", f, parsed.get(0).rejection()).isTrue();
            Incident i = parsed.get(0).incident();
            assertThat(i.properties()).containsKey("categories");
            if (i.resolution() != null) {
                withResolution++;
            }
        }
        assertThat(withResolution).isGreaterThan(200);
        var simpledb = all(IncidentFormats.open(dir.resolve("00b7f759-21f8-4767-8803-f09d863005cd.md"), null, null)).get(0).incident();
        assertThat(simpledb.title()).isEqualTo("Amazon SimpleDB US East Region Disruption on June 13");
        assertThat(simpledb.tags()).contains("cloud", "power loss");
        assertThat(simpledb.affected()).containsExactly("SimpleDB");
        assertThat(simpledb.resolution()).contains("increased the handshake timeout");
    }

    @Test
    void postmortemWithoutFrontMatterIsRejected() {
        var p = all(new PostmortemIncidentReader("x.md", bytes("# just markdown\n"))).get(0);
        assertThat(p.rejection().reason()).contains("front matter");
    }

    @Test
    void importerBatchesAndCountsAndTheLastRecordOfAnIdWins() {
        var written = new ArrayList<List<Incident>>();
        String input = "{\"id\":\"a\",\"title\":\"1\"}\n{\"id\":\"a\",\"title\":\"2\"}\n{\"id\":\"b\",\"title\":\"3\"}\nbad\n{\"id\":\"c\",\"title\":\"4\"}\n";
        var summary = new IncidentImporter(3).run(new NdjsonIncidentReader("f", bytes(input)), written::add,
                IncidentImporter.Listener.NONE);
        assertThat(summary.imported()).isEqualTo(4);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).extracting(Incident::title).containsExactly("2", "3");
        assertThat(summary.line()).matches("import: 4 incidents, 1 rejected, \\d+/s");
    }
}
