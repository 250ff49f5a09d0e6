package dev.kubebench.collector.history;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The results history in PostgreSQL (docs/history.md): runs pushed from run directories, read back by
 * {@code compare}, {@code trend}, {@code report} and {@code history}. One connection; the schema is migrated on
 * open. Every database failure becomes one line, {@link Failure#INFRASTRUCTURE} (exit 4), naming the server but
 * never the password.
 */
public final class HistoryStore implements AutoCloseable {
    private final DatabaseUrl url;
    private final Connection connection;

    private HistoryStore(DatabaseUrl url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** Connects and applies pending migrations. */
    public static HistoryStore open(DatabaseUrl url) {
        Connection c;
        try {
            c = DriverManager.getConnection(url.jdbcUrl(), url.properties());
        } catch (SQLException e) {
            throw failure(url, "cannot connect", e);
        }
        HistoryStore store = new HistoryStore(url, c);
        try {
            store.migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Applies pending migrations; returns the versions applied now. */
    public List<Integer> migrate() {
        return call("cannot migrate the schema", () -> Migrations.apply(connection));
    }

    /** The schema version of the database. */
    public int schemaVersion() {
        return call("cannot read the schema version", () -> Migrations.currentVersion(connection));
    }

    /** Stores a run in one transaction; false when its run id was already there (nothing changes then). */
    public boolean push(PushedRun run) {
        return call("cannot push run " + run.runId(), () -> RunWriter.push(connection, run));
    }

    /** Runs matching {@code query}, oldest first. */
    public List<StoredRun> runs(HistoryQuery query) {
        return call("cannot list runs", () -> HistoryReader.runs(connection, query));
    }

    /** The succeeded trials' metrics of the matching runs, oldest first. */
    public List<RunMetrics> metrics(HistoryQuery query) {
        return call("cannot read metrics", () -> HistoryReader.metrics(connection, query));
    }

    /**
     * Per matching run, sweep point and metric the median over the succeeded trials (trial is the first trial
     * listing it), oldest run first: what a trend needs, and a trial-count fraction of {@link #metrics}.
     */
    public List<RunMetrics> medians(HistoryQuery query) {
        return call("cannot read metrics", () -> HistoryReader.medians(connection, query));
    }

    /** The metrics of the given runs, oldest first (unknown ids are left out). */
    public List<RunMetrics> metrics(Collection<String> runIds) {
        return call("cannot read metrics", () -> HistoryReader.metrics(connection, runIds));
    }

    /** The newest good run matching {@code query}, other than {@code excluded} (see docs/history.md). */
    public Optional<String> lastGood(HistoryQuery query, Collection<String> excluded) {
        return call("cannot find the last good run", () -> HistoryReader.lastGood(connection, query, excluded));
    }

    /** Everything about one run, or empty when it is not stored. */
    public Optional<RunDetail> detail(String runId) {
        return call("cannot read run " + runId, () -> HistoryReader.detail(connection, runId));
    }

    /** Deletes runs with everything stored for them; returns how many were stored. */
    public int delete(Set<String> runIds) {
        return call("cannot delete runs", () -> RunWriter.delete(connection, runIds));
    }

    /** The server, for messages: {@code user@host:port/database}. */
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing left to release
        }
    }

    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    private <T> T call(String what, SqlCall<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw failure(url, what, e);
        }
    }

    private static KubebenchException failure(DatabaseUrl url, String what, SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        return new KubebenchException(Failure.INFRASTRUCTURE,
                "history database " + url + ": " + what + ": " + message.strip(), e);
    }
}
