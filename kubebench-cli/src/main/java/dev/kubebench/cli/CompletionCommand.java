package dev.kubebench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench completion bash|zsh}: prints a completion script for every command, option and enum value, made
 * by picocli from the command tree itself, so that commands added later complete without a change here.
 */
@Command(name = "completion",
        description = {"Print a shell completion script for kubebench.",
            "bash: source <(kubebench completion bash)   (or save it in /etc/bash_completion.d/kubebench)",
            "zsh:  source <(kubebench completion zsh)    (in ~/.zshrc; it loads zsh's bashcompinit)"},
        mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {
    /** The shells the script supports; picocli's script runs in both (zsh through bashcompinit). */
    enum Shell { BASH, ZSH }

    /** The shell names as typed, in lower case (picocli would offer the enum constants' upper case). */
    static final class ShellNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        ShellNames() {
            super(List.of("bash", "zsh"));
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = ShellNames.class, description = "bash or zsh")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
