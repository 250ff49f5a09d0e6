package dev.kubebench.cli;

import dev.kubebench.collector.history.DatabaseUrl;
import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import picocli.CommandLine.Option;

/** {@code --db URL}: the PostgreSQL results history (docs/history.md), defaulting to {@code $KUBEBENCH_DB}. */
final class DatabaseMixin {
    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL results history, e.g. postgresql://ci@db:5432/kubebench?sslmode=require "
                    + "(password from PGPASSWORD or ~/.pgpass; default: $KUBEBENCH_DB).")
    String url;

    /** True when --db was given on the command line. */
    boolean given() {
        return url != null;
    }

    /** The URL from --db, else $KUBEBENCH_DB, else null. */
    String resolve() {
        if (url != null) {
            return url;
        }
        String env = System.getenv(DatabaseUrl.ENV);
        return env == null || env.isBlank() ? null : env;
    }

    /** Connects (migrating the schema on first use); a usage error when no URL is known. */
    HistoryStore open() {
        String u = resolve();
        if (u == null) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "no history database: pass --db postgresql://user@host:5432/database or set " + DatabaseUrl.ENV);
        }
        return HistoryStore.open(DatabaseUrl.parse(u));
    }
}
