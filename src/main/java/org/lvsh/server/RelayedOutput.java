package org.lvsh.server;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stdout or stderr, as frames sent as they are written. Output the caller could not write (a full
 * disk, a reader gone) fails the run as in a process of its own: the writes after the caller said so fail with
 * the system's reason, and at the run's end {@link #confirm} waits until the caller has written everything, so
 * that a failure of the last writes is not missed.
 */
final class RelayedOutput extends OutputStream implements org.lvsh.output.CheckedStream.Confirmable {
    private final CallerLink link;
    private final char type;
    private boolean sentSinceConfirm;

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
        sentSinceConfirm |= len > 0;
    }

    @Override
    public synchronized void confirm() throws IOException {
        if (type != 'O' || !sentSinceConfirm || link.holding()) {
            return; // held output is checked when it is released
        }
        sentSinceConfirm = false;
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
