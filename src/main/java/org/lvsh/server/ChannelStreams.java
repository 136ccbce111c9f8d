package org.lvsh.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Streams over a blocking socket channel that read and write at the same time. java.nio's own
 * (Channels.newInputStream) take the channel's blocking lock for each call, so a reader waiting for the caller
 * would stop every write to it.
 */
final class ChannelStreams {
    private ChannelStreams() {
    }

    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            private final ByteBuffer one = ByteBuffer.allocate(1);

            @Override
            public int read() throws IOException {
                one.clear();
                int n = channel.read(one);
                return n <= 0 ? -1 : one.get(0) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, len));
                return n == 0 ? -1 : n;
            }
        };
    }

    static OutputStream out(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        };
    }
}
