package dev.kubebench.collector.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history schema as versioned migrations ({@code migrations/V<n>__<name>.sql} resources beside this class).
 * Pending migrations are applied in one transaction under a transaction-scoped advisory lock, so concurrent first
 * uses (several CI jobs pushing at once) apply each migration exactly once and a failed one leaves nothing behind.
 * Applied versions are recorded in {@code schema_version}.
 */
public final class Migrations {
    /** In version order; a new schema change is a new file appended here, never an edit of an applied one. */
    static final List<String> FILES = List.of("V1__history.sql");
    /** The advisory lock key: "kbhist" in ASCII, so it does not collide with other applications' keys by chance. */
    private static final long LOCK_KEY = 0x6b62686973740000L;

    private Migrations() {
    }

    /** The newest schema version this build knows. */
    public static int latestVersion() {
        return FILES.size();
    }

    /**
     * Applies the pending migrations.
     *
     * @return the versions applied now (empty when the schema was up to date)
     */
    static List<Integer> apply(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                        + "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            }
            int current = currentVersion(c);
            List<Integer> applied = new java.util.ArrayList<>();
            for (int v = current + 1; v <= FILES.size(); v++) {
                String file = FILES.get(v - 1);
                try (Statement s = c.createStatement()) {
                    s.execute(resource(file));
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, name) VALUES (?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, file);
                    ps.executeUpdate();
                }
                applied.add(v);
            }
            c.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The highest applied version, 0 for an empty database. */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String resource(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
