package dev.kubebench.collector.history;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway PostgreSQL cluster from the Debian package (DESIGN §2: real services in tests): initdb into a temporary
 * directory, started with pg_ctl on a free loopback port with its socket in that directory, stopped and deleted by
 * {@link #close()}. When the JVM runs as root the server runs as the {@code postgres} OS user (PostgreSQL refuses
 * root), which then owns the directory. Missing binaries fail the test with the command that installs them: CI
 * installs them, so a skip would hide a broken set-up.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final String SUPERUSER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresCluster(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The binaries: {@code KUBEBENCH_PG_BIN}, else the newest {@code /usr/lib/postgresql/<n>/bin}. */
    static Path binaries() {
        String env = System.getenv("KUBEBENCH_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Path.of(env);
        }
        for (String v : List.of("17", "16", "15", "14", "13")) {
            Path p = Path.of("/usr/lib/postgresql", v, "bin");
            if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) {
                return p;
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found (/usr/lib/postgresql/15/bin/initdb):"
                + " the history tests need a real PostgreSQL; install it with scripts/install-deps.sh"
                + " (Debian package postgresql-15) or set KUBEBENCH_PG_BIN");
    }

    /** Initialises and starts a cluster. */
    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("kubebench-pg-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SUPERUSER);
            Files.setOwner(dir, postgres);
        }
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            PostgresCluster cluster = new PostgresCluster(bin, dir, freePort());
            try {
                if (attempt == 0) {
                    cluster.exec(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                            "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
                }
                cluster.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                        "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                        "-p " + cluster.port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                                + " -c max_connections=50 -c fsync=off -c full_page_writes=off",
                        "start"));
                return cluster;
            } catch (IOException e) {
                last = e; // most likely the port was taken between choosing and binding it
            }
        }
        deleteTree(dir);
        throw last;
    }

    public int port() {
        return port;
    }

    /** A new, empty database and its URL in the form users pass to {@code --db}. */
    public String createDatabase() throws SQLException {
        String name = "kubebench_test_" + DATABASES.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** {@code postgresql://postgres@127.0.0.1:<port>/<database>}. */
    public String url(String database) {
        return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database;
    }

    /** A direct JDBC connection, for checks behind kubebench's back. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", SUPERUSER);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    /** Stops the server (fast shutdown) and deletes the directory. */
    @Override
    public void close() throws IOException {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                    "-w", "stop"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        } finally {
            deleteTree(dir);
        }
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", "C");
        env.remove("PGDATA");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": timed out\n" + output);
        }
        if (p.exitValue() != 0) {
            String log = Files.isReadable(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IOException(String.join(" ", command) + ": exit " + p.exitValue() + "\n" + output + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
