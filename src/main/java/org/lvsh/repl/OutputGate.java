package org.lvsh.repl;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The writers one shell command prints through. Closing the gate drops whatever the command still prints, so
 * that a call abandoned with Ctrl-C cannot scribble over the next prompt when it finally returns.
 */
final class OutputGate {
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean open = true;

    OutputGate(PrintWriter out, PrintWriter err) {
        this.out = new PrintWriter(new Gated(out), true);
        this.err = new PrintWriter(new Gated(err), true);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    void close() {
        open = false;
    }

    private final class Gated extends Writer {
        private final PrintWriter target;

        Gated(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            if (open) {
                target.write(buf, off, len);
            }
        }

        @Override
        public void flush() {
            if (open) {
                target.flush();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
