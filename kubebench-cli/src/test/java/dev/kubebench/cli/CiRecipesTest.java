package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI recipes in scripts/ci work as written: every repository path they name exists, and the CronJob runs only
 * what the image built by distribution/Containerfile holds (the release tarball, whose contents
 * distribution/src/layout.txt lists, unpacked in /opt/kubebench).
 */
class CiRecipesTest {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));
    private static final Path WORKFLOW = ROOT.resolve("scripts/ci/github-actions-nightly.yaml");
    private static final Path CRONJOB = ROOT.resolve("scripts/ci/k8s-nightly-cronjob.yaml");
    private static final Path CONTAINERFILE = ROOT.resolve("distribution/Containerfile");
    private static final String IMAGE_HOME = "/opt/kubebench/";
    /** A relative path with a directory part, e.g. mlperf-configs/mlperf-bert.yaml. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("(?<![\\w./-])([\\w.-]+(?:/[\\w.-]+)+)");
    private static final Pattern IMAGE_PATH = Pattern.compile(Pattern.quote(IMAGE_HOME) + "([\\w./-]+)");

    @Test
    void theWorkflowNamesOnlyFilesOfTheRepository() throws IOException {
        List<String> paths = repositoryPaths(Files.readString(WORKFLOW));
        assertTrue(paths.contains("mlperf-configs/mlperf-bert.yaml"), paths.toString());
        assertTrue(paths.contains("scripts/ci/nightly-gate.sh"), paths.toString());
        for (String path : paths) {
            assertTrue(Files.exists(ROOT.resolve(path)), WORKFLOW.getFileName() + " names " + path + ", which does not exist");
        }
    }

    @Test
    void theCronJobRunsOnlyWhatTheImageHolds() throws IOException {
        String cronJob = Files.readString(CRONJOB);
        Map<String, Path> layout = layout();
        Matcher m = IMAGE_PATH.matcher(cronJob);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertTrue(used.containsAll(List.of("bin/kubebench", "scripts/ci/nightly-gate.sh",
                "mlperf-configs/mlperf-bert.yaml")), used.toString());
        for (String path : used) {
            Path source = inTarball(layout, path);
            assertTrue(source != null && Files.exists(source),
                    "the CronJob uses " + IMAGE_HOME + path + ", which the image does not hold (" + source + ")");
        }
    }

    @Test
    void theImageIsTheTarballUnpackedInOptKubebenchForANonRootUser() throws IOException {
        String containerfile = Files.readString(CONTAINERFILE);
        assertTrue(containerfile.contains("FROM debian:bookworm-slim"), containerfile);
        assertTrue(containerfile.contains("ADD kubebench-${VERSION}-linux-x86_64.tar.gz /opt/"), containerfile);
        assertTrue(containerfile.contains("mv /opt/kubebench-${VERSION} /opt/kubebench"), containerfile);
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(containerfile);
        assertTrue(user.find(), "the image must name its user by number so that runAsNonRoot can check it");
        assertFalse(user.group(1).equals("0"), "the image runs as root");
        String cronJob = Files.readString(CRONJOB);
        assertTrue(cronJob.contains("runAsUser: " + user.group(1)), "the CronJob runs as another user than the image's");

        Matcher image = Pattern.compile("(?m)^\\s+image: (\\S+)$").matcher(cronJob);
        assertTrue(image.find(), cronJob);
        assertTrue(containerfile.contains("-t " + image.group(1) + " "),
                "the Containerfile's build command tags another image than the CronJob's " + image.group(1));
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("-t " + image.group(1) + " "),
                "the README's build command tags another image than the CronJob's " + image.group(1));
    }

    /** Relative paths in {@code text} whose first directory exists at the repository's top level. */
    private static List<String> repositoryPaths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher m = RELATIVE_PATH.matcher(text);
        while (m.find()) {
            String path = m.group(1).replaceAll("[.]$", "");
            if (Files.isDirectory(ROOT.resolve(path.substring(0, path.indexOf('/'))))) {
                paths.add(path);
            }
        }
        return paths;
    }

    /** distribution/src/layout.txt: path in the tarball to the repository file or directory it is copied from. */
    private static Map<String, Path> layout() throws IOException {
        Map<String, Path> layout = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("distribution/src/layout.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            layout.put(fields[0], ROOT.resolve(fields[1]));
        }
        return layout;
    }

    /** Where {@code path} (relative to the unpacked tarball) comes from, or null when the tarball does not hold it. */
    private static Path inTarball(Map<String, Path> layout, String path) {
        for (Map.Entry<String, Path> entry : layout.entrySet()) {
            String dest = entry.getKey();
            if (path.equals(dest)) {
                return entry.getValue();
            }
            if (path.startsWith(dest + "/")) {
                return entry.getValue().resolve(path.substring(dest.length() + 1));
            }
        }
        return null;
    }
}
