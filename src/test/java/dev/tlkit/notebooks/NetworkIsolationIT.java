package dev.tlkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kit test} runs the whole suite inside a network namespace with only loopback ({@code unshare -n})
 * and sets {@code KIT_NETWORK=isolated}: this test proves the isolation is real, so the suite passing
 * shows that nothing in the kit reaches the network at run time. Without isolation it is skipped.
 */
class NetworkIsolationIT {

    @Test
    void theSuiteRunsWithoutNetworkButWithLoopback() throws IOException {
        assumeTrue("isolated".equals(System.getenv("KIT_NETWORK")),
                "not run in a network namespace (./kit test does that when it can: root or user namespaces)");
        for (String host : new String[] {"repo.maven.apache.org", "registry.npmjs.org", "deb.debian.org"}) {
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, 443), 3000);
                }
            }, host + " must be unreachable");
        }
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Socket client = new Socket(java.net.InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertTrue(client.isConnected(), "loopback must work: Jupyter talks to the kernels over it");
        }
    }
}
