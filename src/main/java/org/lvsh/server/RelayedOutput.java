package org.lvsh.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stdout or stderr, as frames. A flush of stdout waits until the caller has written everything sent
 * before it, so that output the caller could not write (a full disk, a reader gone) fails the run exactly where a
 * run of its own would have failed: at its next write or flush, with the system's reason.
 */
final class RelayedOutput extends OutputStream {
    private final CallerLink link;
    private final char type;
    private boolean sentSinceFlush;

    RelayedOutput(CallerLink link, char type) {
        this.link = link;
        this.type = type;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        failIfLost();
        for (int done = 0; done < len; done += Frames.CHUNK) {
            link.send(type, b, off + done, Math.min(Frames.CHUNK, len - done));
        }
        sentSinceFlush |= len > 0;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (type != 'O' || !sentSinceFlush || link.holding()) {
            return; // held output is checked when it is released
        }
        sentSinceFlush = false;
        try {
            link.flushed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failIfLost();
    }

    private void failIfLost() throws IOException {
        String lost = type == 'O' ? link.outputLost() : null;
        if (lost != null) {
            throw new IOException(lost);
        }
    }
}
