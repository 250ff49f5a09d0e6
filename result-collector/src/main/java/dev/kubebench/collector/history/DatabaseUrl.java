package dev.kubebench.collector.history;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the history lives: a libpq-style URL {@code postgresql://user[:password]@host[:port]/database?sslmode=...}
 * ({@code postgres://} and {@code jdbc:postgresql://} are accepted too), turned into a JDBC URL and connection
 * properties. A password missing from the URL comes, as with libpq, from {@code PGPASSWORD}, then from the password
 * file ({@code PGPASSFILE}, default {@code ~/.pgpass}); a missing user from {@code PGUSER}, then the OS user.
 *
 * @param host       host name or address
 * @param port       TCP port
 * @param database   database name
 * @param user       role to connect as
 * @param password   password, or null to connect without one (trust, peer over TCP is not possible)
 * @param parameters query parameters passed to the driver as connection properties ({@code sslmode}, ...)
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> parameters) {
    /** The environment variable holding the default URL. */
    public static final String ENV = "KUBEBENCH_DB";
    public static final int DEFAULT_PORT = 5432;

    public DatabaseUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        parameters = Map.copyOf(parameters);
    }

    /** Parses {@code url}, taking missing credentials from the process environment and home directory. */
    public static DatabaseUrl parse(String url) {
        return parse(url, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Parses {@code url} with an explicit environment (for tests).
     *
     * @throws KubebenchException INVALID_INPUT naming the URL (without its password) when it is not a PostgreSQL URL
     */
    public static DatabaseUrl parse(String url, Map<String, String> env, Path home) {
        String text = Objects.requireNonNull(url, "url").strip();
        String rest = text.startsWith("jdbc:") ? text.substring(5) : text;
        if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
            throw invalid(text, "expected postgresql://user@host:5432/database");
        }
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(text, "no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> params.put(key, value);
                }
            }
        }
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        if (database.isEmpty()) {
            database = user;
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (password == null) {
            password = env.get("PGPASSWORD");
        }
        if (password == null) {
            String file = env.get("PGPASSFILE");
            Path pgpass = file != null ? Path.of(file) : home.resolve(".pgpass");
            password = PgPass.read(pgpass).password(host, port, database, user).orElse(null);
        }
        return new DatabaseUrl(host, port, database, user, password, params);
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /** Connection properties: user, password, the URL's parameters, and batched multi-row inserts. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(parameters);
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.putIfAbsent("reWriteBatchedInserts", "true");
        p.putIfAbsent("ApplicationName", "kubebench");
        p.putIfAbsent("connectTimeout", "10");
        return p;
    }

    /** {@code user@host:port/database}, for messages: never the password. */
    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static KubebenchException invalid(String url, String why) {
        String shown = url.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
        return new KubebenchException(Failure.INVALID_INPUT, "not a PostgreSQL URL: " + shown + ": " + why);
    }
}
