package dev.kubebench.core.error;

import java.util.List;
import java.util.Objects;

/**
 * A failure the user should see as one line per problem (no stack trace unless {@code --verbose}).
 * Messages should already name the file, line and field where that applies.
 */
public class KubebenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final List<String> problems;

    public KubebenchException(Failure failure, String message) {
        this(failure, List.of(message), null);
    }

    public KubebenchException(Failure failure, String message, Throwable cause) {
        this(failure, List.of(message), cause);
    }

    public KubebenchException(Failure failure, List<String> problems, Throwable cause) {
        super(String.join(System.lineSeparator(), problems), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.problems = List.copyOf(problems);
    }

    public Failure failure() {
        return failure;
    }

    /** One line per problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
