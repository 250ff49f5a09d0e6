package dev.kubebench.runner.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Distinct free TCP ports on the loopback interface, for the replicas' coordinator and peer addresses. */
final class FreePorts {
    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct ports that were free a moment ago. They are held open together (so the kernel
     * cannot hand one out twice) and released before the replicas start; a small race with other programs remains.
     */
    static List<Integer> allocate(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName(OperatorEnvironment.HOST);
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, loopback);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
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
}
