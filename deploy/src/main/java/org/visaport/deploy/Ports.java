package org.visaport.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port checks made before anything starts, so a clash is reported by name instead of as a bind failure deep in a log. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(String owner, int port, String overrideVariable) {
        if (!isFree(port)) {
            throw new StackException("port " + port + " (" + owner + ") is already in use; stop what uses it or set "
                    + overrideVariable + " to another port");
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers themselves bind: connections of a stack that just stopped (TIME_WAIT) do not count as use.
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that is free now, for parts that tests start next to each other. */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free port: " + e.getMessage(), e);
        }
    }
}
