package org.lvsh.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host that accepts connections on loopback and never answers: what a peer gone silent looks like. */
public final class SilentListener implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    public SilentListener() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(socket.accept()); // accepted, never answered
                }
            } catch (IOException e) {
                // closed at the end
            }
        }, "silent-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** A libvirt URI that reaches it. */
    public String uri() {
        return "qemu+tcp://127.0.0.1:" + port() + "/system";
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
