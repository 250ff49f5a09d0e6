package dev.kubebench.runner.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code $(VAR)} expansion exactly as the kubelet applies it to a container's command, args and env values
 * (Kubernetes {@code third_party/forked/golang/expansion}): {@code $(NAME)} becomes the variable's value when the
 * container defines it and stays as written otherwise; {@code $$} is an escaped {@code $} (so {@code $$(VAR)}
 * yields the literal {@code $(VAR)}); a {@code $} before any other character, an unterminated {@code $(} and a
 * trailing {@code $} stay as written. Host environment variables are not visible, only the container's.
 */
public final class VariableExpansion {
    private VariableExpansion() {
    }

    /** Expands one string against the container's variables. */
    public static String expand(String input, Map<String, String> vars) {
        StringBuilder out = new StringBuilder(input.length());
        int checkpoint = 0;
        for (int cursor = 0; cursor < input.length(); cursor++) {
            if (input.charAt(cursor) != '$' || cursor + 1 >= input.length()) {
                continue;
            }
            out.append(input, checkpoint, cursor);
            char next = input.charAt(cursor + 1);
            int advance = 1;
            if (next == '$') {
                out.append('$');
            } else if (next == '(') {
                int close = input.indexOf(')', cursor + 2);
                if (close < 0) {
                    out.append("$(");
                } else {
                    String name = input.substring(cursor + 2, close);
                    String value = vars.get(name);
                    out.append(value != null ? value : "$(" + name + ")");
                    advance = close - cursor;
                }
            } else {
                out.append('$').append(next);
            }
            cursor += advance;
            checkpoint = cursor + 1;
        }
        return out.append(input, checkpoint, input.length()).toString();
    }

    /** Expands every element of a command or args list. */
    public static List<String> expand(List<String> argv, Map<String, String> vars) {
        return argv.stream().map(a -> expand(a, vars)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Resolves a container's env list as the kubelet does: in order, each value expanded against the variables
     * defined before it (a later duplicate name replaces the earlier value).
     */
    public static Map<String, String> resolveEnv(Map<String, String> declared) {
        Map<String, String> resolved = new LinkedHashMap<>();
        declared.forEach((name, value) -> resolved.put(name, expand(value, resolved)));
        return resolved;
    }
}
