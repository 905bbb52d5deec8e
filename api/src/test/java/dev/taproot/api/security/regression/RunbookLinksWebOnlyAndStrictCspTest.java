package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.taproot.api.testing.ApiClient;

/**
 * Finding: a {@code javascript:} runbook link was stored and rendered into an {@code href}, and the
 * page had no Content-Security-Policy. Now any non-http(s) link is refused at ingest naming its field,
 * and every answer carries a strict CSP, nosniff, frame and referrer headers.
 */
class RunbookLinksWebOnlyAndStrictCspTest extends SecuredServerTest {

    @Test
    void aJavascriptRunbookIsRefusedAtIngestNamingTheField() {
        for (String link : new String[] {"javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,x",
                "file:///etc/passwd", "/relative/runbook"}) {
            var r = server.as(SecuredServer.INGEST).post("/api/v1/import/incidents", "application/x-ndjson",
                    "{\"id\":\"I-1\",\"title\":\"t\",\"runbook\":\"" + link + "\"}");
            assertThat(r.statusCode()).as(link).isEqualTo(400);
            var rejection = ApiClient.json(r).path("rejections").get(0);
            assertThat(rejection.path("field").asText()).isEqualTo("runbook");
            assertThat(rejection.path("reason").asText()).contains("http(s)");
        }
        var links = server.as(SecuredServer.INGEST).post("/api/v1/import/incidents", "application/x-ndjson",
                "{\"id\":\"I-2\",\"title\":\"t\",\"links\":[\"https://ok.example/x\",\"javascript:void(0)\"]}");
        assertThat(ApiClient.json(links).path("rejections").get(0).path("field").asText()).isEqualTo("links");
        var ok = server.as(SecuredServer.INGEST).post("/api/v1/import/incidents", "application/x-ndjson",
                "{\"id\":\"I-3\",\"title\":\"t\",\"runbook\":\"https://runbooks.example/I-3\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void anAlertWithAJavascriptRunbookUrlIsRejectedWithItsField() {
        var r = server.as(SecuredServer.INGEST).post("/api/v1/ingest/alertmanager", "application/json", """
                {"status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X","service":"cart"},
                 "annotations":{"runbook_url":"javascript:alert(1)"},"startsAt":"2026-01-15T10:00:00Z"}]}""");
        assertThat(r.body()).contains("annotations.runbook_url").contains("http(s)");
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() {
        for (String path : new String[] {"/", "/explorer.js", "/api/v1/health", "/no/such/page"}) {
            HttpResponse<String> r = server.as(SecuredServer.READ).get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }
}
