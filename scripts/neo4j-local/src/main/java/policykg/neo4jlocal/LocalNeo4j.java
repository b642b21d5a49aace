package policykg.neo4jlocal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;

/**
 * Runs a Neo4j 5.26 Community server (Bolt, HTTP and Neo4j Browser) in this JVM.
 *
 * <p>Usage: {@code java -cp ... policykg.neo4jlocal.LocalNeo4j HOME_DIR CONFIG_FILE}. The server's
 * own bootstrapper reads CONFIG_FILE; ports and the login come from the environment
 * ({@code NEO4J_BOLT_PORT}, {@code NEO4J_HTTP_PORT}, {@code NEO4J_USER}, {@code NEO4J_PASSWORD}).
 * Once the server is up, the user's password is set with no forced change, and the file
 * {@code HOME_DIR/run/ready} is written. SIGTERM stops the server cleanly through the
 * bootstrapper's shutdown hook, which shuts the database management service down.
 */
public final class LocalNeo4j {
    private static final String DEFAULT_USER = "neo4j";
    private static final String DEFAULT_PASSWORD = "policykg-local";

    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalNeo4j HOME_DIR CONFIG_FILE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path config = Path.of(args[1]).toAbsolutePath();
        Path ready = home.resolve("run").resolve("ready");
        Files.createDirectories(ready.getParent());
        Files.deleteIfExists(ready);

        NeoBootstrapper server = new CommunityBootstrapper();
        int status = server.start(home, config, overrides(), false, false);
        if (status != NeoBootstrapper.OK) {
            System.err.println("policykg-neo4j: the server failed to start (status " + status + ")");
            System.exit(status);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(ready)));
        try {
            setLogin(server.getDatabaseManagementService());
        } catch (RuntimeException e) {
            System.err.println("policykg-neo4j: cannot set the login of user '" + env("NEO4J_USER", DEFAULT_USER)
                    + "' (NEO4J_USER/NEO4J_PASSWORD): " + rootMessage(e));
            server.stop();
            System.exit(1);
        }
        Files.writeString(ready, "bolt://127.0.0.1:" + env("NEO4J_BOLT_PORT", "7687") + "\n"
                + "http://127.0.0.1:" + env("NEO4J_HTTP_PORT", "7474") + "\n");
        System.out.println("policykg-neo4j: ready, Bolt on 127.0.0.1:" + env("NEO4J_BOLT_PORT", "7687")
                + ", HTTP on 127.0.0.1:" + env("NEO4J_HTTP_PORT", "7474") + " (Browser at /browser/)");
        new CountDownLatch(1).await(); // runs until the JVM is told to stop
    }

    /** Settings that depend on the environment; they win over the config file. */
    private static Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("server.bolt.listen_address", "127.0.0.1:" + port("NEO4J_BOLT_PORT", "7687"));
        settings.put("server.http.listen_address", "127.0.0.1:" + port("NEO4J_HTTP_PORT", "7474"));
        settings.put("server.bolt.advertised_address", "127.0.0.1:" + port("NEO4J_BOLT_PORT", "7687"));
        settings.put("server.http.advertised_address", "127.0.0.1:" + port("NEO4J_HTTP_PORT", "7474"));
        return settings;
    }

    /** Gives the configured user the configured password, with no change required at login. */
    private static void setLogin(DatabaseManagementService dbms) {
        GraphDatabaseService system = dbms.database("system");
        Map<String, Object> params = new HashMap<>();
        params.put("user", env("NEO4J_USER", DEFAULT_USER));
        params.put("password", env("NEO4J_PASSWORD", DEFAULT_PASSWORD));
        system.executeTransactionally(
                "CREATE USER $user IF NOT EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", params);
        try {
            system.executeTransactionally("ALTER USER $user SET PLAINTEXT PASSWORD $password", params);
        } catch (QueryExecutionException e) {
            if (!e.getMessage().contains("cannot be the same")) {
                throw e;
            }
        }
        system.executeTransactionally("ALTER USER $user SET PASSWORD CHANGE NOT REQUIRED", params);
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static String port(String name, String fallback) {
        String value = env(name, fallback);
        if (!value.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the file only says "ready"; a leftover one is removed at the next start
        }
    }
}
