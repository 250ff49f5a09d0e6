package dev.kubebench.collector.history;

import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.core.metric.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The read side of the history: parameterized queries only; filters become bound values, never SQL text. */
final class HistoryReader {
    /** The order of a history: start time (unknown last), then run id, as a results folder is read. */
    private static final String RUN_ORDER = " ORDER BY r.started_at ASC NULLS LAST, r.run_id";

    private HistoryReader() {
    }

    /** A WHERE clause over {@code runs r} and the values it binds, in order. */
    private record Filter(String sql, List<Object> values) {
        static Filter of(HistoryQuery q) {
            StringBuilder sql = new StringBuilder(" WHERE true");
            List<Object> values = new ArrayList<>();
            if (q.benchmark() != null) {
                sql.append(" AND r.benchmark = ?");
                values.add(q.benchmark());
            }
            if (q.since() != null) {
                sql.append(" AND r.started_at >= ?");
                values.add(q.since().atOffset(ZoneOffset.UTC));
            }
            for (Map.Entry<String, String> l : q.labels().entrySet()) {
                sql.append(" AND EXISTS (SELECT 1 FROM run_labels l WHERE l.run_id = r.run_id"
                        + " AND l.name = ? AND l.value = ?)");
                values.add(l.getKey());
                values.add(l.getValue());
            }
            return new Filter(sql.toString(), values);
        }

        int bind(PreparedStatement ps, int from) throws SQLException {
            int i = from;
            for (Object v : values) {
                if (v instanceof OffsetDateTime) {
                    ps.setObject(i++, v, Types.TIMESTAMP_WITH_TIMEZONE);
                } else if (v instanceof String[]) {
                    ps.setArray(i++, ps.getConnection().createArrayOf("text", (String[]) v));
                } else {
                    ps.setString(i++, (String) v);
                }
            }
            return i;
        }
    }

    static List<StoredRun> runs(Connection c, HistoryQuery q) throws SQLException {
        return runs(c, Filter.of(q));
    }

    private static List<StoredRun> runs(Connection c, Filter f) throws SQLException {
        String sql = "SELECT r.run_id, r.benchmark, r.started_at, r.finished_at, r.status, r.trials,"
                + " (SELECT bool_and(v.passed) FROM gate_verdicts v WHERE v.run_id = r.run_id)"
                + " FROM runs r" + f.sql() + RUN_ORDER;
        List<StoredRun> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            f.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Boolean passed = rs.getBoolean(7);
                    rows.add(new StoredRun(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                            rs.getString(5), rs.getInt(6), Map.of(), rs.wasNull() ? null : passed));
                }
            }
        }
        Map<String, Map<String, String>> labels = labels(c, f);
        List<StoredRun> out = new ArrayList<>();
        for (StoredRun r : rows) {
            out.add(new StoredRun(r.runId(), r.benchmark(), r.startedAt(), r.finishedAt(), r.status(), r.trials(),
                    labels.getOrDefault(r.runId(), Map.of()), r.gatesPassed()));
        }
        return out;
    }

    private static Map<String, Map<String, String>> labels(Connection c, Filter f) throws SQLException {
        String sql = "SELECT rl.run_id, rl.name, rl.value FROM run_labels rl JOIN runs r ON r.run_id = rl.run_id"
                + f.sql();
        Map<String, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            f.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return out;
    }

    /** The succeeded trials' metrics of every matching run, oldest first (see {@link RunMetrics}). */
    static List<RunMetrics> metrics(Connection c, HistoryQuery q) throws SQLException {
        return metrics(c, Filter.of(q));
    }

    /** The same for the given runs. */
    static List<RunMetrics> metrics(Connection c, Collection<String> runIds) throws SQLException {
        return metrics(c, new Filter(" WHERE r.run_id = ANY (?)", List.of((Object) runIds.toArray(String[]::new))));
    }

    private static List<RunMetrics> metrics(Connection c, Filter f) throws SQLException {
        String sql = "SELECT m.run_id, m.trial, t.point, m.name, m.value FROM runs r"
                + " JOIN trials t ON t.run_id = r.run_id AND t.status = 'succeeded'"
                + " JOIN metrics m ON m.run_id = t.run_id AND m.trial = t.trial"
                + f.sql() + " ORDER BY m.run_id, m.trial, m.position";
        return withRunsAndGates(c, f, trialMetrics(c, sql, f));
    }

    /**
     * Per run, sweep point and metric the median of the succeeded trials, computed by the server exactly as
     * {@code Descriptive.median} does (middle value, or the mean of the two middle values as {@code (a + b) / 2} in
     * IEEE doubles), in the order a run directory first lists them. {@code trend} needs no more than this, and it is
     * a trial-count fraction of the rows.
     */
    static List<RunMetrics> medians(Connection c, HistoryQuery q) throws SQLException {
        Filter f = Filter.of(q);
        String sql = "SELECT g.run_id, g.first[1] AS trial, g.point, g.name, CASE WHEN n % 2 = 1 THEN vs[n / 2 + 1]"
                + " ELSE (vs[n / 2] + vs[n / 2 + 1]) / 2::float8 END FROM ("
                + "SELECT t.run_id, t.point, m.name, array_agg(m.value ORDER BY m.value) AS vs, count(*) AS n,"
                + " min(ARRAY[m.trial, m.position]) AS first FROM runs r"
                + " JOIN trials t ON t.run_id = r.run_id AND t.status = 'succeeded'"
                + " JOIN metrics m ON m.run_id = t.run_id AND m.trial = t.trial"
                + f.sql() + " GROUP BY t.run_id, t.point, m.name) g ORDER BY g.run_id, g.first";
        return withRunsAndGates(c, f, trialMetrics(c, sql, f));
    }

    /** Runs a query whose rows are (run id, trial, point, metric, value), grouped by run in the rows' order. */
    private static Map<String, List<RunMetrics.TrialMetric>> trialMetrics(Connection c, String sql, Filter f)
            throws SQLException {
        Map<String, List<RunMetrics.TrialMetric>> values = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            f.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RunMetrics.TrialMetric(
                            rs.getInt(2), rs.getString(3), rs.getString(4), rs.getDouble(5)));
                }
            }
        }
        return values;
    }

    /** The matching runs in history order, each with its values and its spec's gates. */
    private static List<RunMetrics> withRunsAndGates(Connection c, Filter f,
                                                     Map<String, List<RunMetrics.TrialMetric>> values)
            throws SQLException {
        Map<String, List<Gate>> gates = gates(c, f);
        List<RunMetrics> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT r.run_id, r.benchmark, r.started_at FROM runs r" + f.sql() + RUN_ORDER)) {
            f.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(new RunMetrics(id, rs.getString(2), instant(rs, 3), values.getOrDefault(id, List.of()),
                            gates.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Gate>> gates(Connection c, Filter f) throws SQLException {
        String sql = "SELECT g.run_id, g.metric, g.direction, g.max_regression_percent FROM run_gates g"
                + " JOIN runs r ON r.run_id = g.run_id" + f.sql() + " ORDER BY g.run_id, g.position";
        Map<String, List<Gate>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            f.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dir = rs.getString(3);
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Gate(rs.getString(2),
                            dir == null ? null : Direction.valueOf(dir.toUpperCase(Locale.ROOT)), rs.getDouble(4)));
                }
            }
        }
        return out;
    }

    /**
     * The newest matching run that is good: every recorded gate verdict passed, or, with none recorded, its status
     * is {@code succeeded}. Runs in {@code excluded} (the candidate itself) are skipped.
     */
    static Optional<String> lastGood(Connection c, HistoryQuery q, Collection<String> excluded) throws SQLException {
        Filter f = Filter.of(q);
        String sql = "SELECT r.run_id FROM runs r" + f.sql()
                + " AND NOT (r.run_id = ANY (?))"
                + " AND CASE WHEN EXISTS (SELECT 1 FROM gate_verdicts v WHERE v.run_id = r.run_id)"
                + " THEN NOT EXISTS (SELECT 1 FROM gate_verdicts v WHERE v.run_id = r.run_id AND NOT v.passed)"
                + " ELSE r.status = 'succeeded' END"
                + " ORDER BY r.started_at DESC NULLS LAST, r.run_id DESC LIMIT 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = f.bind(ps, 1);
            ps.setArray(i, c.createArrayOf("text", excluded.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static Optional<RunDetail> detail(Connection c, String runId) throws SQLException {
        Optional<StoredRun> run = runs(c, new Filter(" WHERE r.run_id = ?", List.of(runId))).stream().findFirst();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        String spec = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT spec_yaml FROM runs WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    spec = rs.getString(1);
                }
            }
        }
        List<GateVerdict> verdicts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, passed, message FROM gate_verdicts WHERE run_id = ? ORDER BY position")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    verdicts.add(new GateVerdict(rs.getString(1), rs.getBoolean(2), rs.getString(3)));
                }
            }
        }
        List<RunDetail.Trial> trials = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT trial, point, status, failure_reason FROM trials WHERE run_id = ? ORDER BY trial")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    trials.add(new RunDetail.Trial(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<RunDetail.MetricPoint> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT point, metric, unit, direction, median, min, max, n"
                + " FROM metric_points WHERE run_id = ? ORDER BY point, metric")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    points.add(new RunDetail.MetricPoint(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getLong(8)));
                }
            }
        }
        return Optional.of(new RunDetail(run.get(), spec, verdicts, trials, points));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
