package org.lvsh.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output that remembers why it could not be written (a full disk, a closed pipe). PrintWriter and
 * PrintStream swallow write errors, so a run would end with status 0 and its output lost: lvsh asks this stream
 * at the end instead, and reports the failure.
 */
public final class CheckedStream extends FilterOutputStream {
    private volatile IOException failure;

    public CheckedStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * A stream that can say, at the end of a run, whether everything written reached its destination (the warm
     * path's, whose writes are done by the caller's process).
     */
    public interface Confirmable {
        void confirm() throws IOException;
    }

    /** At the end of a run: makes sure what was written was written, so that {@link #lost()} can tell. */
    public void confirm() {
        if (out instanceof Confirmable c) {
            try {
                c.confirm();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /**
     * Why output was lost, or null if none was: the system's reason when known ("No space left on device"), an
     * empty string when a PrintStream underneath swallowed it.
     */
    public String lost() {
        if (failure != null) {
            return failure.getMessage() != null ? failure.getMessage() : failure.toString();
        }
        return out instanceof PrintStream ps && ps.checkError() ? "" : null;
    }
}
