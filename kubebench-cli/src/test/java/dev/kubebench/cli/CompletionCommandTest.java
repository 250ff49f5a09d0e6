package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script is sourced by a real bash and asked to complete, as bash does on a Tab. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsAndTheirOptions() throws Exception {
        Path script = script("bash");
        assertEquals(List.of("validate"), complete(script, "kubebench", "va"));
        List<String> all = complete(script, "kubebench", "");
        for (String command : List.of("run", "render", "validate", "compare", "trend", "plan", "completion")) {
            assertTrue(all.contains(command), all.toString());
        }
        assertEquals(List.of("--profile"), complete(script, "kubebench", "run", "--pro"));
        assertEquals(List.of("bash", "zsh"), complete(script, "kubebench", "completion", ""));
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinit() throws Exception {
        String zsh = Files.readString(script("zsh"));
        assertTrue(zsh.contains("bashcompinit"), zsh);
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("fish"), run.err());
    }

    private Path script(String shell) throws IOException {
        CliRun run = CliRun.of("completion", shell);
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return Files.writeString(dir.resolve("kubebench." + shell), run.out());
    }

    /**
     * Sources the script in a non-interactive bash, sets COMP_WORDS/COMP_CWORD as bash does for the command line
     * {@code words} (the cursor after the last word), calls the function registered for {@code kubebench} and returns
     * the candidates. compopt works only while readline runs a completion, so it is a no-op here.
     */
    private static List<String> complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append('\'');
        }
        String driver = "set -e\nsource '" + script + "'\n"
                + "compopt() { :; }\n"
                + "fn=$(complete -p kubebench | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')\n"
                + "COMP_WORDS=(" + array + " )\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "\"$fn\" kubebench \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", driver).redirectErrorStream(true).start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        assertEquals(0, bash.exitValue(), out);
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }
}
