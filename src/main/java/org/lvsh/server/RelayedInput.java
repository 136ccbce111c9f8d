package org.lvsh.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** The caller's stdin (script mode), read from the caller as the run asks for it, never ahead of it. */
final class RelayedInput extends InputStream {
    private final CallerLink link;
    private boolean ended;

    RelayedInput(CallerLink link) {
        this.link = link;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        byte[] got;
        try {
            got = link.nextInput(Math.min(len, Frames.CHUNK));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (got.length == 0) {
            ended = true;
            return -1;
        }
        int n = Math.min(len, got.length); // the caller sends no more than asked
        System.arraycopy(got, 0, b, off, n);
        return n;
    }
}
