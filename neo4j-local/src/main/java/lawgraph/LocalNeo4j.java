package lawgraph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.configuration.ssl.ClientAuth;
import org.neo4j.configuration.ssl.SslPolicyConfig;
import org.neo4j.configuration.ssl.SslPolicyScope;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import sun.misc.Signal;

/**
 * A real, persistent, local Neo4j 5 DBMS for lawgraph's tests and CI, run from Maven Central
 * artifacts (no Docker, no distribution tarball).
 *
 * <pre>
 *   java -cp CLASSPATH lawgraph.LocalNeo4j server --home DIR [--port N] [--address 127.0.0.1]
 *                                                 [--pagecache 256m] [--auth-password-stdin]
 *                                                 [--tls-dir CERT_DIR]
 *   java -cp CLASSPATH lawgraph.LocalNeo4j admin  --home DIR ARGS...   (neo4j-admin ARGS, e.g.
 *                                                 "database import full ...")
 * </pre>
 *
 * <p>{@code server} opens the store under {@code DIR} (DIR/data/databases/neo4j,
 * DIR/data/transactions/neo4j, DIR/logs/debug.log) with the standard server layout, so data
 * persists across restarts, and enables the Bolt connector on the given loopback address.
 * {@code --port 0} picks a free port. When the default database is available it prints exactly one
 * line {@code BOLT_URI=bolt://HOST:PORT} and then runs until SIGTERM/SIGINT, when it shuts the DBMS
 * down cleanly (checkpoint, store closed) before exiting.
 *
 * <p>By default authentication is DISABLED and Bolt is plain text: this is a loopback-only test
 * server. Do not bind it to a non-loopback address. A {@code DIR/conf/neo4j.conf} is read if
 * present; the command-line options above override it.
 *
 * <p>{@code --auth-password-stdin} enables authentication and reads the password of the built-in
 * {@code neo4j} user from the first line of standard input (never from the command line, which
 * other users can see); it is set with {@code ALTER USER neo4j SET PASSWORD ... CHANGE NOT
 * REQUIRED} on the {@code system} database at every start. {@code --tls-dir CERT_DIR} enables
 * the Bolt SSL policy ({@code dbms.ssl.policy.bolt.*}) with {@code CERT_DIR/private.key} and
 * {@code CERT_DIR/public.crt} (PEM), no client certificates, and {@code server.bolt.tls_level=
 * REQUIRED}: plain-text Bolt connections are refused.
 *
 * <p>{@code admin} runs neo4j-admin's own entry point ({@link AdminTool}) with NEO4J_HOME=DIR and
 * NEO4J_CONF=DIR/conf, so commands (e.g. the CSV bulk importer) operate on the store the server
 * opens. Run it only while the server is stopped.
 */
public final class LocalNeo4j {

    private LocalNeo4j() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        int status;
        try {
            status = switch (args[0]) {
                case "server" -> server(args);
                case "admin" -> admin(args);
                default -> {
                    usage();
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            status = 2;
        } catch (Throwable t) {
            // Exit even if a half-started DBMS left non-daemon threads behind.
            t.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void usage() {
        System.err.println("usage: LocalNeo4j server --home DIR [--port N] [--address HOST] [--pagecache SIZE]"
                + " [--auth-password-stdin] [--tls-dir CERT_DIR]");
        System.err.println("       LocalNeo4j admin --home DIR NEO4J_ADMIN_ARGS...");
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[i]);
        }
        return args[i + 1];
    }

    private static int server(String[] args) throws IOException, InterruptedException {
        Path home = null;
        String address = "127.0.0.1";
        int port = 7687;
        long pagecache = ByteUnit.parse("256m");
        boolean auth = false;
        Path tlsDir = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, i++));
                case "--port" -> port = Integer.parseInt(value(args, i++));
                case "--address" -> address = value(args, i++);
                case "--pagecache" -> pagecache = ByteUnit.parse(value(args, i++));
                case "--auth-password-stdin" -> auth = true;
                case "--tls-dir" -> tlsDir = Path.of(value(args, i++)).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home is required");
        }
        home = home.toAbsolutePath().normalize();
        Files.createDirectories(home);
        String password = null;
        if (auth) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            password = in.readLine();
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--auth-password-stdin: no password on standard input");
            }
        }
        if (tlsDir != null) {
            for (String name : new String[] {"private.key", "public.crt"}) {
                if (!Files.isRegularFile(tlsDir.resolve(name))) {
                    throw new IllegalArgumentException("--tls-dir: missing " + tlsDir.resolve(name));
                }
            }
        }
        if (port == 0) {
            // Pick the free port here so the advertised address (used by neo4j:// routing) is
            // the real one; the window before Bolt binds it is a few hundred milliseconds.
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(address))) {
                port = probe.getLocalPort();
            }
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        Path conf = home.resolve("conf").resolve("neo4j.conf");
        if (Files.isRegularFile(conf)) {
            builder.loadPropertiesFromFile(conf);
        }
        builder.setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(address, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(address, port))
                .setConfig(BoltConnector.encryption_level, tlsDir == null
                        ? BoltConnector.EncryptionLevel.DISABLED : BoltConnector.EncryptionLevel.REQUIRED)
                // Loopback-only test server: no authentication unless a password is given.
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // Never send usage data (the collector is also left off the classpath).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                // Defence in depth behind the dashboard console's read-only transactions and keyword
                // check: no LOAD CSV from the server's file system, and a memory cap per transaction.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(512))
                // Small footprint: no 250 MB preallocated transaction log files per database.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                // Stop in well under a second instead of ~10 s of Netty/Bolt grace periods
                // (internal settings; open transactions are still closed and the store checkpointed).
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));

        if (tlsDir != null) {
            SslPolicyConfig bolt = SslPolicyConfig.forScope(SslPolicyScope.BOLT);
            builder.setConfig(bolt.enabled, true)
                    .setConfig(bolt.base_directory, tlsDir)
                    .setConfig(bolt.private_key, tlsDir.resolve("private.key"))
                    .setConfig(bolt.public_certificate, tlsDir.resolve("public.crt"))
                    .setConfig(bolt.client_auth, ClientAuth.NONE);
        }

        // SIGTERM/SIGINT only release the latch; the main thread then shuts the DBMS down outside
        // of JVM shutdown (shutting down inside a shutdown hook breaks Neo4j's log4j teardown).
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String sig : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(sig), s -> stopRequested.countDown());
        }

        DatabaseManagementService dbms = builder.build();
        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
                System.err.println("default database did not become available");
                return 1;
            }
            if (password != null) {
                // The embedded API is not subject to authentication; set the neo4j user's password.
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            }
            int boundPort = port;
            HostnamePort bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (bound != null) {
                boundPort = bound.getPort();
            }
            System.out.println("BOLT_URI=bolt://" + address + ":" + boundPort);
            System.out.flush();
            stopRequested.await();
            System.err.println("LocalNeo4j: stop requested, shutting down");
        } finally {
            dbms.shutdown();
        }
        System.err.println("LocalNeo4j: stopped cleanly");
        return 0;
    }

    private static int admin(String[] args) throws IOException {
        if (args.length < 3 || !"--home".equals(args[1])) {
            usage();
            return 2;
        }
        Path home = Path.of(args[2]).toAbsolutePath().normalize();
        Path confDir = home.resolve("conf");
        Files.createDirectories(confDir);
        String[] rest = new String[args.length - 3];
        System.arraycopy(args, 3, rest, 0, rest.length);
        // Same entry point as the distribution's bin/neo4j-admin, with NEO4J_HOME=home and
        // NEO4J_CONF=home/conf, so commands act on the store the server opens.
        return AdminTool.execute(new ExecutionContext(home, confDir), rest);
    }
}
