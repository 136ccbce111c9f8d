package org.lvsh.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A stand-in for ssh's far end: joins its stdin and stdout to a unix socket, as `nc -U` would. libvirt's ssh
 * transport runs it through a fake ssh command (?command=), so the remote driver really talks over a pipe.
 */
public final class UnixBridge {
    private UnixBridge() {
    }

    public static void main(String[] args) throws Exception {
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        socket.connect(UnixDomainSocketAddress.of(args[0]));
        // The channel itself, not Channels' streams: those share one lock, so a blocked read stops every write.
        Thread up = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try {
                for (int n; (n = System.in.read(buffer)) > 0; ) {
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) {
                        socket.write(b);
                    }
                }
                socket.shutdownOutput();
            } catch (IOException e) {
                // the other side went away: so does the bridge
            }
        });
        up.setDaemon(true);
        up.start();
        ByteBuffer b = ByteBuffer.allocate(65536);
        try {
            while (socket.read(b) > 0) {
                System.out.write(b.array(), 0, b.position());
                System.out.flush();
                b.clear();
            }
        } catch (IOException e) {
            // as above
        }
        System.exit(0);
    }
}
