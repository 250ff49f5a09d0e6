package dev.kubebench.collector.telemetry;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the bearer token {@code auth} names: a file's content or an environment variable, trimmed. */
final class BearerTokens {
    private BearerTokens() {
    }

    /** The token, or null without {@code auth}. */
    static String read(CollectSpec.Auth auth) {
        if (auth == null) {
            return null;
        }
        if (auth.bearerTokenFile() != null) {
            try {
                return Files.readString(Path.of(auth.bearerTokenFile())).strip();
            } catch (IOException e) {
                throw new KubebenchException(Failure.INVALID_INPUT, "auth.bearerTokenFile: cannot read "
                        + auth.bearerTokenFile() + ": " + e.getMessage());
            }
        }
        if (auth.bearerTokenEnv() != null) {
            String token = System.getenv(auth.bearerTokenEnv());
            if (token == null || token.isBlank()) {
                throw new KubebenchException(Failure.INVALID_INPUT, "auth.bearerTokenEnv: environment variable "
                        + auth.bearerTokenEnv() + " is not set");
            }
            return token.strip();
        }
        return null;
    }
}
