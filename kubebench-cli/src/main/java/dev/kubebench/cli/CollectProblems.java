package dev.kubebench.cli;

import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.collector.mlperf.DirectoryScoring;
import dev.kubebench.collector.mlperf.MlperfScore;
import dev.kubebench.collector.mlperf.SubmissionScan;
import dev.kubebench.core.error.Failure;
import dev.kubebench.collector.mlperf.ScoredRun;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directories one {@code collect} scores and what went wrong, kept so that one bad directory does not discard the
 * others' results: each failed path is reported after the results are printed, and the exit code is the first
 * failure's. Also writes the compliance fields of the JSON output.
 */
final class CollectProblems {
    private record Failed(Path path, KubebenchException error) {
    }

    private final List<Failed> failed = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /**
     * Scores every directory of run logs at or below {@code root} into {@code dirs} and {@code scores}; a directory
     * that cannot be scored is kept as a failure, one passed over as a skipped line.
     */
    void scoreAll(Path root, MlperfCatalog catalog, DirectoryScoring.Options options, List<Path> dirs,
                  List<MlperfScore> scores) throws IOException {
        SubmissionScan scan = SubmissionScan.of(root);
        skipped.addAll(scan.skipped());
        if (scan.directories().isEmpty()) {
            failed(root, new KubebenchException(Failure.INVALID_INPUT, root + ": no result_*.txt run logs at or below it"));
        }
        for (Path d : scan.directories()) {
            try {
                scores.add(DirectoryScoring.score(d, catalog, options));
                dirs.add(d);
            } catch (KubebenchException e) {
                failed(d, e);
            } catch (IOException e) {
                failed(d, new KubebenchException(Failure.INVALID_INPUT, d + ": cannot read: " + e.getMessage()));
            }
        }
    }

    void failed(Path path, KubebenchException error) {
        failed.add(new Failed(path, error));
    }

    /** Prints the skipped directories and failures on stderr; the exit code: OK, or the first failure's. */
    int report(CommandLine cl) {
        PrintWriter err = cl.getErr();
        for (String s : skipped) {
            err.println(cl.getColorScheme().errorText("warning: ").toString() + Printable.escape(s));
        }
        for (Failed f : failed) {
            for (String line : f.error().problems()) {
                err.println(cl.getColorScheme().errorText("error: ").toString() + Printable.escape(line));
            }
        }
        err.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.of(failed.get(0).error().failure());
    }

    /** {@code errors} (path and message of each failure) and {@code skipped} (one line each). */
    void json(ObjectNode root) {
        ArrayNode errors = root.putArray("errors");
        for (Failed f : failed) {
            ObjectNode e = errors.addObject();
            e.put("path", f.path().toString());
            e.put("error", String.join("; ", f.error().problems()));
        }
        ArrayNode s = root.putArray("skipped");
        skipped.forEach(s::add);
    }

    /** A directory's {@code compliant_runs} and {@code ruleset}, null when its logs were not checked. */
    static void compliance(ObjectNode d, MlperfScore s) {
        if (s.compliantRuns() == null) {
            d.putNull("compliant_runs");
        } else {
            d.put("compliant_runs", s.compliantRuns().intValue());
        }
        d.put("ruleset", s.ruleset());
    }

    /** A run's {@code compliant} and {@code compliance_error}; {@code valid} and {@code reason} count both. */
    static void compliance(ObjectNode o, ScoredRun r) {
        o.put("valid", r.valid());
        o.put("reason", r.invalidReason());
        if (r.compliance() == null) {
            o.putNull("compliant");
            o.putNull("compliance_error");
        } else {
            o.put("compliant", r.compliance().compliant());
            o.put("compliance_error", r.compliance().firstError());
        }
    }
}
