package dev.kubebench.runner.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the processes a trial started and tells whether any still runs (zombies count as gone). */
final class Processes {
    private static final Pattern PID = Pattern.compile("\"detail\":\"pid (\\d+)\"");

    private Processes() {
    }

    /** Replica pids from events.jsonl plus pids the workloads wrote to {@code *.pid} files in the files dir. */
    static List<Long> startedBy(Path trialDir) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (String line : Files.readAllLines(trialDir.resolve("events.jsonl"))) {
            Matcher m = PID.matcher(line);
            if (m.find()) {
                pids.add(Long.parseLong(m.group(1)));
            }
        }
        Path files = trialDir.resolve("files");
        if (Files.isDirectory(files)) {
            try (Stream<Path> list = Files.list(files)) {
                for (Path p : (Iterable<Path>) list.filter(f -> f.toString().endsWith(".pid"))::iterator) {
                    pids.add(Long.parseLong(Files.readString(p).trim()));
                }
            }
        }
        return pids;
    }

    /** True when the process exists and is not a zombie. */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    static List<Long> stillRunning(List<Long> pids) {
        List<Long> alive = new ArrayList<>();
        for (long pid : pids) {
            if (running(pid)) {
                alive.add(pid);
            }
        }
        return alive;
    }
}
