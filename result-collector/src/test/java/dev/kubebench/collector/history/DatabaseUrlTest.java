package dev.kubebench.collector.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URL forms and libpq's password sources; no server needed. */
class DatabaseUrlTest {
    private static final Path NO_HOME = Path.of("/nonexistent");

    @Test
    void libpqUrlBecomesJdbcUrlAndProperties() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://ci@db.example:6543/perf?sslmode=require", Map.of(), NO_HOME);
        assertEquals("jdbc:postgresql://db.example:6543/perf", u.jdbcUrl());
        assertEquals("ci", u.properties().getProperty("user"));
        assertEquals("require", u.properties().getProperty("sslmode"));
        assertEquals("true", u.properties().getProperty("reWriteBatchedInserts"));
        assertNull(u.password());
        assertEquals("ci@db.example:6543/perf", u.toString());
    }

    @Test
    void defaultsAndOtherSchemes() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://db/perf", Map.of("PGUSER", "bot"), NO_HOME);
        assertEquals(5432, u.port());
        assertEquals("bot", u.user());
        assertEquals("jdbc:postgresql://h:1/d", DatabaseUrl.parse("jdbc:postgresql://u@h:1/d", Map.of(), NO_HOME)
                .jdbcUrl());
        assertEquals("p@ss:word", DatabaseUrl.parse("postgresql://u:p%40ss%3Aword@h/d", Map.of(), NO_HOME)
                .password());
    }

    @Test
    void passwordFromPgpasswordThenPgpass(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".pgpass"), "# comment\n"
                + "other:5432:*:ci:wrong\n"
                + "db.example:5432:perf:ci:s3cr\\:et\\\\x\n"
                + "*:*:*:*:fallback\n");
        assertEquals("s3cr:et\\x", DatabaseUrl.parse("postgresql://ci@db.example/perf", Map.of(), home).password());
        assertEquals("fallback", DatabaseUrl.parse("postgresql://ci@db.example/other", Map.of(), home).password());
        assertEquals("env", DatabaseUrl.parse("postgresql://ci@db.example/perf", Map.of("PGPASSWORD", "env"), home)
                .password());
        Path file = home.resolve("custom");
        Files.writeString(file, "*:*:perf:*:fromfile\n");
        assertEquals("fromfile", DatabaseUrl.parse("postgresql://ci@db.example/perf",
                Map.of("PGPASSFILE", file.toString()), home).password());
    }

    @Test
    void pgpassWildcardsAndShortLines() {
        PgPass p = PgPass.parse("too:few:fields\nh:*:db:u:pw:with:colons\n");
        assertEquals(Optional.of("pw:with:colons"), p.password("h", 1, "db", "u"));
        assertEquals(Optional.empty(), p.password("h", 1, "db", "v"));
    }

    @Test
    void notAPostgresUrlIsAUsageErrorWithoutThePassword() {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> DatabaseUrl.parse("mysql://u:hunter2@h/d", Map.of(), NO_HOME));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("not a PostgreSQL URL: mysql://u:***@h/d"), e.getMessage());
    }
}
