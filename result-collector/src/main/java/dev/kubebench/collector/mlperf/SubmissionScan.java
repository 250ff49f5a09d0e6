package dev.kubebench.collector.mlperf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directories at or below a root that hold run logs, and a line for every directory passed over that looks like
 * it meant to: it has files named {@code result_*} but none is a run log kubebench reads, or it cannot be listed.
 * Nothing is skipped without a line saying why.
 *
 * @param directories directories with run logs, in path order
 * @param skipped     one line per directory passed over: {@code <dir>: <why>}
 */
public record SubmissionScan(List<Path> directories, List<String> skipped) {
    public SubmissionScan {
        directories = List.copyOf(directories);
        skipped = List.copyOf(skipped);
    }

    /** A file's name, and why it is not read when it is named like a run log ({@code result_0.txt: a directory}). */
    private static String described(Path p) {
        String name = p.getFileName().toString();
        String why = SubmissionDirectory.isResultFile(name) ? SubmissionDirectory.notReadable(p) : null;
        return why == null ? name : name + ": " + why;
    }

    /** Scans {@code root} and everything below it. */
    public static SubmissionScan of(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path d : dirs) {
            try {
                if (!SubmissionDirectory.resultFiles(d).isEmpty()) {
                    found.add(d);
                    continue;
                }
                List<String> lookalikes;
                try (Stream<Path> s = Files.list(d)) {
                    lookalikes = s.filter(p -> p.getFileName().toString().startsWith("result_"))
                            .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), RunOrder.NATURAL))
                            .map(SubmissionScan::described).toList();
                }
                if (!lookalikes.isEmpty()) {
                    skipped.add(d + ": skipped: no result_*.txt run logs (found " + String.join(", ",
                            lookalikes.subList(0, Math.min(3, lookalikes.size())))
                            + (lookalikes.size() > 3 ? ", ..." : "") + ")");
                }
            } catch (IOException | UncheckedIOException e) {
                skipped.add(d + ": skipped: cannot list: " + e.getMessage());
            }
        }
        return new SubmissionScan(found, skipped);
    }
}
