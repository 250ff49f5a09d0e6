-- kubebench history schema, version 1 (docs/history.md). Applied once, in one transaction, by Migrations.

CREATE TABLE runs (
    run_id       text PRIMARY KEY,
    benchmark    text NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    status       text NOT NULL,
    trials       integer NOT NULL,
    spec_yaml    text,
    pushed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX runs_benchmark_started ON runs (benchmark, started_at);

CREATE TABLE run_labels (
    run_id  text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    name    text NOT NULL,
    value   text NOT NULL,
    PRIMARY KEY (run_id, name)
);
CREATE INDEX run_labels_name_value ON run_labels (name, value);

-- The spec's gates as run: which metrics gate and in which direction.
CREATE TABLE run_gates (
    run_id                  text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    position                integer NOT NULL,
    metric                  text NOT NULL,
    direction               text,
    max_regression_percent  double precision NOT NULL,
    PRIMARY KEY (run_id, position)
);

-- Verdicts of the gates checked against this run (compare.json in the run directory).
CREATE TABLE gate_verdicts (
    run_id    text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    position  integer NOT NULL,
    name      text NOT NULL,
    passed    boolean NOT NULL,
    message   text NOT NULL,
    PRIMARY KEY (run_id, position)
);

CREATE TABLE trials (
    run_id          text NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    trial           integer NOT NULL,
    point           text NOT NULL,
    repetition      integer NOT NULL,
    workload        text,
    measurement     text NOT NULL,
    status          text NOT NULL,
    failure_reason  text,
    started_at      timestamptz,
    finished_at     timestamptz,
    PRIMARY KEY (run_id, trial)
);

-- The two per-trial tables below have no foreign keys on purpose: a push writes them in the same transaction as
-- their trials, and a per-row foreign-key check would cost more than the insert itself at 600,000 metric rows per
-- 1,000 runs. kubebench's delete removes them with their run, in one transaction.

-- Sweep point parameters of a trial, in spec order.
CREATE TABLE trial_parameters (
    run_id    text NOT NULL,
    trial     integer NOT NULL,
    position  integer NOT NULL,
    name      text NOT NULL,
    value     text,
    PRIMARY KEY (run_id, trial, position)
);

-- One row per trial and metric of result.json, in the file's order.
CREATE TABLE metrics (
    run_id     text NOT NULL,
    trial      integer NOT NULL,
    position   integer NOT NULL,
    name       text NOT NULL,
    value      double precision NOT NULL,
    unit       text,
    direction  text,
    PRIMARY KEY (run_id, trial, position)
);

-- One row per (benchmark, run, sweep point, metric) over the succeeded trials: for Grafana and Apache Otava.
CREATE VIEW metric_points AS
SELECT r.benchmark,
       r.run_id,
       r.started_at,
       t.point,
       m.name AS metric,
       m.unit,
       m.direction,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS median,
       min(m.value) AS min,
       max(m.value) AS max,
       count(*) AS n
FROM runs r
JOIN trials t ON t.run_id = r.run_id AND t.status = 'succeeded'
JOIN metrics m ON m.run_id = t.run_id AND m.trial = t.trial
GROUP BY r.benchmark, r.run_id, r.started_at, t.point, m.name, m.unit, m.direction;
