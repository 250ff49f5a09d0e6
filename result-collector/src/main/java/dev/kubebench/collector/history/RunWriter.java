package dev.kubebench.collector.history;

import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.core.metric.MetricDirections;
import dev.kubebench.core.metric.MetricNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one run in one transaction with batched, parameterized inserts, and deletes runs in one transaction. The run
 * row goes first with {@code ON CONFLICT DO NOTHING}: a run already stored (or being stored by a concurrent push,
 * whose row lock this waits for) makes the push a no-op, so pushes are idempotent and concurrent ones neither
 * duplicate nor deadlock.
 */
final class RunWriter {
    private RunWriter() {
    }

    /** Stores {@code run}; false when its run id was already stored (then nothing is written). */
    static boolean push(Connection c, PushedRun run) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (!insertRun(c, run)) {
                c.rollback();
                return false;
            }
            insertLabels(c, run);
            insertGates(c, run);
            insertVerdicts(c, run);
            insertTrials(c, run);
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean insertRun(Connection c, PushedRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_id, benchmark, started_at, finished_at,"
                + " status, trials, spec_yaml) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING")) {
            ps.setString(1, run.runId());
            ps.setString(2, run.benchmark());
            ps.setObject(3, timestamp(run.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(4, timestamp(run.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(5, run.status());
            ps.setInt(6, run.trials().size());
            ps.setString(7, run.specYaml());
            return ps.executeUpdate() == 1;
        }
    }

    private static void insertLabels(Connection c, PushedRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_labels (run_id, name, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> l : run.labels().entrySet()) {
                ps.setString(1, run.runId());
                ps.setString(2, l.getKey());
                ps.setString(3, l.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertGates(Connection c, PushedRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_gates (run_id, position, metric, direction,"
                + " max_regression_percent) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Gate g : run.gates()) {
                ps.setString(1, run.runId());
                ps.setInt(2, position++);
                ps.setString(3, g.metric());
                ps.setString(4, g.direction() == null ? null : g.direction().yamlName());
                ps.setDouble(5, g.maxRegressionPercent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertVerdicts(Connection c, PushedRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gate_verdicts (run_id, position, name, passed, message) VALUES (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (GateVerdict v : run.verdicts()) {
                ps.setString(1, run.runId());
                ps.setInt(2, position++);
                ps.setString(3, v.name());
                ps.setBoolean(4, v.passed());
                ps.setString(5, v.message());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertTrials(Connection c, PushedRun run) throws SQLException {
        try (PreparedStatement trials = c.prepareStatement("INSERT INTO trials (run_id, trial, point, repetition,"
                + " workload, measurement, status, failure_reason, started_at, finished_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement params = c.prepareStatement(
                     "INSERT INTO trial_parameters (run_id, trial, position, name, value) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement metrics = c.prepareStatement("INSERT INTO metrics (run_id, trial, position, name,"
                     + " value, unit, direction) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (RunResult r : run.trials()) {
                trials.setString(1, run.runId());
                trials.setInt(2, r.trial());
                trials.setString(3, RunDirectoryReader.pointLabel(r.point()));
                trials.setInt(4, r.repetition());
                trials.setString(5, r.workload());
                trials.setString(6, r.measurement().name().toLowerCase(java.util.Locale.ROOT));
                trials.setString(7, r.status().jsonName());
                trials.setString(8, r.failureReason());
                trials.setObject(9, timestamp(r.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                trials.setObject(10, timestamp(r.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                trials.addBatch();
                int position = 0;
                for (Map.Entry<String, Object> p : r.point().entrySet()) {
                    params.setString(1, run.runId());
                    params.setInt(2, r.trial());
                    params.setInt(3, position++);
                    params.setString(4, p.getKey());
                    params.setString(5, p.getValue() == null ? null : p.getValue().toString());
                    params.addBatch();
                }
                position = 0;
                for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                    int index = position++;
                    if (m.getValue() == null || !Double.isFinite(m.getValue())) {
                        continue; // result.json writes non-finite values as null; there is nothing to store
                    }
                    metrics.setString(1, run.runId());
                    metrics.setInt(2, r.trial());
                    metrics.setInt(3, index);
                    metrics.setString(4, m.getKey());
                    metrics.setDouble(5, m.getValue());
                    metrics.setString(6, MetricNames.unit(m.getKey()).orElse(null));
                    metrics.setString(7, MetricDirections.infer(m.getKey()).map(Direction::yamlName).orElse(null));
                    metrics.addBatch();
                }
            }
            // parents before children: the foreign keys are checked per statement
            trials.executeBatch();
            params.executeBatch();
            metrics.executeBatch();
        }
    }

    private static OffsetDateTime timestamp(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /**
     * Deletes the runs in one transaction: metrics and parameters explicitly (they have no foreign keys, see the
     * schema), labels, gates, verdicts and trials by cascade. Returns how many runs existed.
     */
    static int delete(Connection c, Set<String> runIds) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            java.sql.Array ids = c.createArrayOf("text", runIds.toArray());
            for (String table : List.of("metrics", "trial_parameters")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ANY (?)")) {
                    ps.setArray(1, ids);
                    ps.executeUpdate();
                }
            }
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE run_id = ANY (?)")) {
                ps.setArray(1, ids);
                deleted = ps.executeUpdate();
            }
            c.commit();
            return deleted;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
