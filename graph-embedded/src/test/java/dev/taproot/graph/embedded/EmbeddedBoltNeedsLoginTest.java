package dev.taproot.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * Finding (critical): the embedded Bolt port accepted writes and {@code LOAD CSV} from any local
 * process without authentication. It now demands the generated login kept owner-only beside the data.
 */
class EmbeddedBoltNeedsLoginTest {

    @TempDir
    Path home;

    @Test
    void boltRefusesAnonymousAndWrongLoginsAndAcceptsTheGeneratedOneAcrossRestarts() throws Exception {
        String password;
        try (var dbms = EmbeddedNeo4j.start(home, 0, 16)) {
            var login = dbms.credentials();
            password = login.password();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.getPosixFilePermissions(login.file()))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (var anonymous = GraphDatabase.driver(dbms.boltUri(), AuthTokens.none())) {
                assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (var defaults = GraphDatabase.driver(dbms.boltUri(), AuthTokens.basic("neo4j", "neo4j"))) {
                assertThatThrownBy(defaults::verifyConnectivity).isInstanceOf(AuthenticationException.class);
            }
            try (var owner = GraphDatabase.driver(dbms.boltUri(), AuthTokens.basic(login.user(), login.password()));
                 var s = owner.session()) {
                assertThat(s.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
                assertThatThrownBy(() -> s.run("LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l").list())
                        .hasMessageContaining("file");
            }
        }
        try (var again = EmbeddedNeo4j.start(home, 0, 16);
             var owner = GraphDatabase.driver(again.boltUri(), AuthTokens.basic("neo4j", password))) {
            assertThat(again.credentials().password()).isEqualTo(password);
            owner.verifyConnectivity();
        }
    }
}
