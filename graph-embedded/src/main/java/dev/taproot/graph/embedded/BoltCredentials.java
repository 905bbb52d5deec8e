package dev.taproot.graph.embedded;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * The user and password of the embedded DBMS's Bolt connector: generated once per data directory
 * (192 random bits), stored in {@code <graph>/bolt-credentials} with mode 600, and set on the DBMS's
 * {@code neo4j} user at every start through the in-process API (which needs no login). Whoever can
 * read that file can already read the store's files, so it adds no new reader.
 *
 * @param file     where they are kept
 * @param user     always {@code neo4j}, the one user of Neo4j Community
 * @param password the generated password
 */
public record BoltCredentials(Path file, String user, String password) {

    /** The file name inside the graph directory. */
    public static final String FILE_NAME = "bolt-credentials";
    private static final String USER = "neo4j";

    /** Reads the credentials of the graph directory {@code home}, generating and storing them on first use. */
    public static BoltCredentials loadOrCreate(Path home) {
        Path file = home.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                OwnerOnly.restrict(file);
                var props = new Properties();
                props.load(new StringReader(Files.readString(file)));
                String password = props.getProperty("password");
                if (password == null || password.length() < 16) {
                    throw new IllegalStateException(file + " has no usable password line; delete it to generate new credentials");
                }
                return new BoltCredentials(file, props.getProperty("user", USER), password);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            OwnerOnly.write(file, "# Bolt login of Taproot's embedded Neo4j (generated; keep private)\nuser=" + USER
                    + "\npassword=" + password + "\n");
            return new BoltCredentials(file, USER, password);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the Bolt credentials " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sets the password on the DBMS (it may still have Neo4j's default one, or an older one). */
    void apply(DatabaseManagementService dbms) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one it already has: nothing to do then.
            if (e.getMessage() == null || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("same")) {
                throw e;
            }
        }
    }

    @Override
    public String toString() {
        return "BoltCredentials[" + file + ", user=" + user + ", password=***]";
    }
}
