package org.lvsh.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One caller's side of a warm run: frames to the caller (one writer at a time), what the caller answered (stdin,
 * credentials, flushes), and whether the caller is gone (a signal, a closed connection). Until the run commits
 * (its first command starts) what it prints is held, so that a run handed back leaves no trace.
 */
final class CallerLink {
    private static final byte[] GONE = new byte[0];

    private final OutputStream out;
    private final Object sending = new Object();
    private final Reply input = new Reply();
    private final Reply answers = new Reply();
    private final Object flushes = new Object();
    private long flushesAsked;
    private long flushesDone;
    private volatile boolean gone;
    private volatile String outputLost;
    private List<byte[]> held = new ArrayList<>(); // type byte first; null once committed

    CallerLink(OutputStream out) {
        this.out = out;
    }

    /** Sends a frame, or holds it until commit; after the caller is gone, drops it. */
    void send(char type, byte[] data, int off, int len) throws IOException {
        synchronized (sending) {
            if (gone) {
                return;
            }
            if (held != null && (type == 'O' || type == 'E')) {
                byte[] copy = new byte[len + 1];
                copy[0] = (byte) type;
                System.arraycopy(data, off, copy, 1, len);
                held.add(copy);
                return;
            }
            Frames.write(out, type, data, off, len);
        }
    }

    void send(char type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        send(type, b, 0, b.length);
    }

    /** Sends what was held, in order, and from now on sends at once. */
    void release() throws IOException {
        synchronized (sending) {
            List<byte[]> h = held;
            held = null;
            if (h != null && !gone) {
                for (byte[] f : h) {
                    Frames.write(out, (char) f[0], f, 1, f.length - 1);
                }
            }
        }
    }

    boolean holding() {
        synchronized (sending) {
            return held != null;
        }
    }

    /** Forgets what was held: the run goes back to the caller, who runs it again from the start. */
    void discardHeld() {
        synchronized (sending) {
            held = new ArrayList<>();
        }
    }

    /** Asks for at most {@code max} stdin bytes and waits for them (empty: end of input, or the caller gone). */
    byte[] nextInput(int max) throws IOException, InterruptedException {
        byte[] b = input.ask(() -> send('R', Integer.toString(max)));
        return b == null ? new byte[0] : b;
    }

    /** Asks the caller for a credential and waits for the answer; null when the caller is gone. */
    byte[] answer(boolean echo, String prompt) throws IOException, InterruptedException {
        return answers.ask(() -> send('T', (echo ? "1" : "0") + prompt));
    }

    /**
     * Asks the caller to confirm that everything sent so far was written, and waits for it.
     *
     * @return why stdout could not be written, or null
     */
    String flushed() throws IOException, InterruptedException {
        long mine;
        synchronized (flushes) {
            mine = ++flushesAsked;
        }
        send('F', "");
        synchronized (flushes) {
            while (flushesDone < mine && !gone) {
                flushes.wait();
            }
        }
        return outputLost;
    }

    String outputLost() {
        return outputLost;
    }

    boolean gone() {
        return gone;
    }

    // What the reader thread hands over.

    /** @return false when nothing was asked for: the caller does not follow the protocol */
    boolean inputArrived(byte[] b) {
        return input.arrived(b);
    }

    boolean answerArrived(byte[] b) {
        return answers.arrived(b);
    }

    void outputFailed(String reason) {
        outputLost = reason;
    }

    void flushDone() {
        synchronized (flushes) {
            flushesDone++;
            flushes.notifyAll();
        }
    }

    /** The run's end: its exit status, the last frame. */
    void finish(int status) throws IOException {
        synchronized (sending) {
            if (!gone) {
                Frames.write(out, 'X', Integer.toString(status).getBytes(StandardCharsets.US_ASCII), 0,
                        Integer.toString(status).length());
            }
            gone = true;
        }
    }

    /** The caller went away (or was signalled): nothing more is sent, and whoever waits for it stops waiting. */
    void callerGone() {
        gone = true;
        input.arrived(GONE);
        answers.arrived(GONE);
        synchronized (flushes) {
            flushes.notifyAll();
        }
    }

    /** What the caller answers to one question at a time; it cannot send what was not asked. */
    private static final class Reply {
        private final BlockingQueue<byte[]> arrivals = new LinkedBlockingQueue<>();
        private volatile boolean asked;

        /** Asks (through {@code question}) and waits; null when the caller is gone. */
        byte[] ask(IoAction question) throws IOException, InterruptedException {
            asked = true;
            question.run();
            byte[] b = arrivals.take();
            return b == GONE ? null : b;
        }

        boolean arrived(byte[] b) {
            if (b == GONE) {
                arrivals.offer(GONE); // whoever waits, or will, stops waiting
                return true;
            }
            if (!asked) {
                return false;
            }
            asked = false;
            arrivals.offer(b);
            return true;
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
