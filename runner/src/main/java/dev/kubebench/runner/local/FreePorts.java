package dev.kubebench.runner.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Distinct free TCP ports on the loopback interface, for the replicas' coordinator and peer addresses. Ports handed
 * out stay reserved in this JVM until {@link #release} (the trial's end), so trials running at once never get the
 * same port even before their replicas have bound it.
 */
final class FreePorts {
    /** How many ports the kernel may offer that are already reserved before we give up. */
    private static final int MAX_SKIPPED = 1000;
    private static final Set<Integer> RESERVED = new HashSet<>();

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct ports that were free a moment ago and are not reserved by another trial of this
     * JVM; they are reserved until {@link #release}. They are held open together (so the kernel cannot hand one out
     * twice) and closed before the replicas start; a small race with other programs remains.
     */
    static List<Integer> allocate(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName(OperatorEnvironment.HOST);
            List<Integer> ports = new ArrayList<>();
            synchronized (RESERVED) {
                int skipped = 0;
                while (ports.size() < count) {
                    ServerSocket socket = new ServerSocket(0, 1, loopback);
                    sockets.add(socket);
                    if (RESERVED.contains(socket.getLocalPort())) {
                        if (++skipped > MAX_SKIPPED) {
                            throw new IOException("no free port outside the " + RESERVED.size() + " reserved");
                        }
                        continue;
                    }
                    ports.add(socket.getLocalPort());
                }
                RESERVED.addAll(ports);
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot allocate a local port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket that was never used cannot lose data.
                }
            }
        }
    }

    /** Returns ports from {@link #allocate} once the trial that used them has ended. */
    static void release(Collection<Integer> ports) {
        synchronized (RESERVED) {
            RESERVED.removeAll(ports);
        }
    }
}
