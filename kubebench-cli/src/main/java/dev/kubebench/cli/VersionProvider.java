package dev.kubebench.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    /** The kubebench version, or {@code dev} when run from classes outside a jar. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kubebench " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
