package org.lvsh.cli.domain;

import org.lvsh.cli.Context;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a command waits (event --loop) outside the shell: instead of killing the JVM, it interrupts the
 * waiting thread so the command can end as virsh does ("event loop interrupted"). The shell has its own handler.
 */
final class Interrupts implements AutoCloseable {
    private final SignalHandler previous;

    private Interrupts(SignalHandler previous) {
        this.previous = previous;
    }

    static Interrupts forCommandThread(Context.Mode mode) {
        if (mode == Context.Mode.SHELL) {
            return new Interrupts(null);
        }
        Thread waiting = Thread.currentThread();
        try {
            return new Interrupts(Signal.handle(new Signal("INT"), signal -> waiting.interrupt()));
        } catch (IllegalArgumentException e) {
            return new Interrupts(null); // SIGINT ignored by our parent (nohup, background job): nothing to catch
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
    }
}
