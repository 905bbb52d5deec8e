package dev.taproot.api.security.regression;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.taproot.api.Taproot;
import dev.taproot.api.config.ChatOpsConfig;
import dev.taproot.api.config.TaprootConfig;
import dev.taproot.api.http.ServerOptions;
import dev.taproot.api.http.TaprootServer;
import dev.taproot.api.security.ApiToken;
import dev.taproot.api.security.Role;
import dev.taproot.api.security.SecurityConfig;
import dev.taproot.api.security.TokenStore;
import dev.taproot.api.testing.ApiClient;
import dev.taproot.graph.testing.TestStores;

/**
 * A real server on a loopback port over the shared (emptied) embedded store, with one token per role,
 * Slack and Mattermost configured, for the security regression tests.
 */
final class SecuredServer implements AutoCloseable {

    static final String READ = "regression-read-token-00001";
    static final String FEEDBACK = "regression-feedback-token-01";
    static final String INGEST = "regression-ingest-token-0001";
    static final String INGEST_2 = "regression-ingest-token-0002";
    static final String ADMIN = "regression-admin-token-00001";
    static final String SLACK_SECRET = "regression-slack-signing-secret";
    static final String MATTERMOST = "regression-mattermost-token";

    final Taproot taproot;
    final TaprootServer server;

    SecuredServer(Path dir) {
        this(dir, o -> o);
    }

    SecuredServer(Path dir, UnaryOperator<ServerOptions> adjust) {
        taproot = Taproot.over(TaprootConfig.from(dir, 0, 0, Map.of()), TestStores.emptyEmbedded());
        var tokens = TokenStore.of(List.of(ApiToken.of("reader", Role.READ, READ), ApiToken.of("voter", Role.FEEDBACK, FEEDBACK),
                ApiToken.of("ingester", Role.INGEST, INGEST), ApiToken.of("ingester-2", Role.INGEST, INGEST_2),
                ApiToken.of("admin", Role.ADMIN, ADMIN)));
        var chat = new ChatOpsConfig(SLACK_SECRET, MATTERMOST, null, List.of(), null);
        server = TaprootServer.start(taproot, adjust.apply(ServerOptions.of("127.0.0.1", 0,
                new SecurityConfig(tokens, false, 60_000, 10_000)).withChatOps(chat)));
    }

    ApiClient as(String token) {
        return new ApiClient(server.port(), token);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
