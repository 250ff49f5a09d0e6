package dev.kubebench.cli;

/**
 * Prints how many milliseconds after its launch this JVM reached {@code main}: {@link RunInterruptTest} signals no
 * earlier than that, since before {@code main} the JVM's own SIGTERM handling (exit 143) applies.
 */
public final class JvmUptime {
    private JvmUptime() {
    }

    public static void main(String[] args) {
        long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        System.out.println(System.currentTimeMillis() - started);
    }
}
