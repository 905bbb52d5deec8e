package dev.taproot.api.security.regression;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import dev.taproot.api.testing.ApiClient;
import dev.taproot.graph.model.RelationshipTypes;

/**
 * Finding (low): posting one object under another source's {@code ?source=} name closed all of that
 * source's relationships. A source now belongs to the token that created it; another ingest token gets
 * 403 and nothing changes; an admin may replace it.
 */
class SourcesBelongToTheirTokenTest extends SecuredServerTest {

    static final String EDGES = "source,target,relationship\na,b,DEPENDS_ON\nb,c,DEPENDS_ON\nc,d,DEPENDS_ON\n";

    long open() {
        return server.taproot.store().relationships(RelationshipTypes.TOPOLOGY, 1_000).size();
    }

    @Test
    void anotherTokenCannotCloseASourcesRelationships() {
        var created = server.as(SecuredServer.INGEST).post("/api/v1/ingest/edges?source=cmdb", "text/csv", EDGES);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(open()).isEqualTo(3);

        var hijack = server.as(SecuredServer.INGEST_2).post("/api/v1/ingest/edges?source=cmdb", "text/csv",
                "source,target,relationship\nx,y,DEPENDS_ON\n");
        assertThat(hijack.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(hijack).path("detail").asText()).contains("source 'cmdb'");
        assertThat(open()).isEqualTo(3);

        var owner = server.as(SecuredServer.INGEST).post("/api/v1/ingest/edges?source=cmdb", "text/csv",
                "source,target,relationship\na,b,DEPENDS_ON\n");
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(owner).path("closed").asInt()).isEqualTo(2);
        var admin = server.as(SecuredServer.ADMIN).post("/api/v1/ingest/edges?source=cmdb", "text/csv",
                "source,target,relationship\nx,y,DEPENDS_ON\n");
        assertThat(admin.statusCode()).isEqualTo(200);
    }
}
