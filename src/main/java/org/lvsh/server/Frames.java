package org.lvsh.server;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The warm path's wire format between the client (bin/lvsh) and the server: a type byte, a 4-byte big-endian
 * length, then that many bytes. Each type has its own bound, so that no peer can make the server hold more than
 * it means to.
 *
 * <p>Client to server: {@code Q} the request, {@code G} go ahead, {@code I} stdin bytes (none: end of input),
 * {@code P} a credential answer, {@code W} stdout could not be written (the reason), {@code F} flushed, {@code K}
 * a signal arrived (its number), {@code S} status asked, {@code Z} stop asked.
 *
 * <p>Server to client: {@code A} accepted, {@code L} run it locally, {@code O}/{@code E} stdout/stderr bytes,
 * {@code R} stdin wanted (how much), {@code C} committed (a command started: no local re-run any more), {@code T}
 * a credential to ask, {@code F} flush (answer when everything before it is written), {@code X} the exit status,
 * {@code S} the status, {@code Z} stopping.
 */
final class Frames {
    /** The request: arguments and environment as the kernel bounds them (ARG_MAX is 2 MiB), with room. */
    static final int MAX_REQUEST = 4 << 20;
    /** Everything else a client sends. */
    static final int MAX_OTHER = 1 << 20;
    /** What the server writes at once. */
    static final int CHUNK = 64 << 10;

    private Frames() {
    }

    record Frame(char type, byte[] payload) {
        String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The next frame, or null at a clean end of stream; a frame over its bound is an IOException. */
    static Frame read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.read();
        if (type < 0) {
            return null;
        }
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            throw new IOException("truncated frame");
        }
        int max = type == 'Q' ? MAX_REQUEST : MAX_OTHER;
        if (length < 0 || length > max) {
            throw new IOException("frame of " + Integer.toUnsignedString(length) + " bytes refused");
        }
        byte[] payload = new byte[length];
        data.readFully(payload);
        return new Frame((char) type, payload);
    }

    /** Writes one frame; callers that share a stream hold its lock. */
    static void write(OutputStream out, char type, byte[] payload, int offset, int length) throws IOException {
        // one write: the caller wakes once per frame
        byte[] frame = new byte[5 + length];
        frame[0] = (byte) type;
        frame[1] = (byte) (length >>> 24);
        frame[2] = (byte) (length >>> 16);
        frame[3] = (byte) (length >>> 8);
        frame[4] = (byte) length;
        System.arraycopy(payload, offset, frame, 5, length);
        out.write(frame);
        out.flush();
    }

    static void write(OutputStream out, char type, String text) throws IOException {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(out, type, b, 0, b.length);
    }
}
