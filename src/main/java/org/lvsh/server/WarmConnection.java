package org.lvsh.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.lvsh.Caller;
import org.lvsh.Lvsh;

/**
 * One caller of the warm server: its request, then one run of lvsh for it, exactly as a process of its own would
 * have run (its environment, directory, terminal, credentials asked on its terminal, output streamed to it as
 * produced), or its request handed back when only its own process can run it. A caller that does not speak in
 * time is dropped; one that goes away (or is signalled) stops being served.
 */
final class WarmConnection {
    /** How long a caller may take to say what it wants, and to say go. */
    private static final long HEADER_SECONDS = 5;

    private final WarmServer server;
    private final SocketChannel channel;
    /**
     * The run has ended: a caller leaving after that interrupts nothing (the thread may be running another
     * caller's command by then). Set and read under {@code ending}.
     */
    private boolean ended;
    private final Object ending = new Object();

    WarmConnection(WarmServer server, SocketChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    void serve() {
        try (channel) {
            InputStream in = new BufferedInputStream(ChannelStreams.in(channel));
            CallerLink link = new CallerLink(ChannelStreams.out(channel));
            ScheduledFuture<?> cut = server.closeLater(channel, HEADER_SECONDS, TimeUnit.SECONDS);
            Frames.Frame first = Frames.read(in);
            if (first == null) {
                return;
            }
            switch (first.type()) {
                case 'S' -> link.send('S', server.status());
                case 'Z' -> {
                    link.send('Z', Long.toString(ProcessHandle.current().pid()));
                    server.stop();
                }
                case 'Q' -> run(WarmRequest.parse(first.payload()), in, link, cut);
                default -> { } // not one of ours: say nothing
            }
        } catch (IOException e) {
            // the caller went away or broke the protocol: nothing more to do for it
        }
    }

    private void run(WarmRequest request, InputStream in, CallerLink link, ScheduledFuture<?> cut)
            throws IOException {
        if (request == null) {
            return;
        }
        String elsewhere = server.handBackReason(request);
        if (elsewhere != null) {
            link.send('L', elsewhere);
            return;
        }
        link.send('A', "");
        Frames.Frame go = Frames.read(in);
        if (go == null || go.type() != 'G') {
            return; // the caller gave up waiting, and runs it itself
        }
        cut.cancel(false);
        server.served(1);
        Thread runner = Thread.currentThread();
        Thread reader = new Thread(() -> relay(in, link, runner), "lvsh-warm-reader");
        reader.setDaemon(true);
        reader.start();
        WarmGate gate = new WarmGate(request.env(), server.uid(), () -> commit(link));
        Caller caller = new Caller(request.env(), request.cwd(), () -> request.stdinTty() && request.stdoutTty(),
                new RelayedPrompter(link), gate, false);
        RelayedOutput err = new RelayedOutput(link, 'E');
        int status;
        try {
            status = new Lvsh(new RelayedInput(link), new RelayedOutput(link, 'O'), err, caller)
                    .run(request.args().toArray(new String[0]));
        } catch (HandBack back) {
            endRun();
            server.served(-1); // its caller runs it
            link.discardHeld();
            link.send('L', back.getMessage());
            return;
        } catch (RuntimeException | Error e) {
            if (!gate.committed()) {
                endRun();
                server.served(-1);
                link.discardHeld();
                link.send('L', "the server failed: " + e);
                return;
            }
            PrintWriter w = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
            w.println("error: internal error on the lvsh server: " + e);
            status = 1;
        }
        if (!gate.committed()) {
            status = releaseHeld(link, status, err);
        }
        endRun();
        link.finish(status);
    }

    private void endRun() {
        synchronized (ending) {
            ended = true;
        }
    }

    /** The first command is about to start: what was held goes out, and the caller may forget its stdin copy. */
    private static void commit(CallerLink link) {
        try {
            link.release();
            link.send('C', "");
        } catch (IOException e) {
            link.callerGone();
        }
    }

    /** A run that started no command (help, a bad option): its output goes now, checked as the run's own. */
    private static int releaseHeld(CallerLink link, int status, RelayedOutput err) throws IOException {
        link.release();
        String lost;
        try {
            lost = link.flushed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status;
        }
        if (lost == null) {
            return status;
        }
        return Lvsh.statusAfterLostOutput(status, lost,
                new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    }

    /** Reads what the caller says while its command runs. */
    private void relay(InputStream in, CallerLink link, Thread runner) {
        try {
            Frames.Frame f;
            while ((f = Frames.read(in)) != null) {
                boolean expected = switch (f.type()) {
                    case 'I' -> link.inputArrived(f.payload());
                    case 'P' -> link.answerArrived(f.payload());
                    case 'W' -> {
                        link.outputFailed(f.text());
                        yield true;
                    }
                    case 'F' -> {
                        link.flushDone();
                        yield true;
                    }
                    case 'K' -> {
                        // A signal ends a process of its own at once, with 128 + its number: so here.
                        link.finish(128 + signal(f.text()));
                        yield false;
                    }
                    default -> false;
                };
                if (!expected) {
                    break;
                }
            }
        } catch (IOException e) {
            // gone
        }
        link.callerGone();
        synchronized (ending) {
            if (!ended) {
                runner.interrupt(); // a script's next command does not start
            }
        }
    }

    private static int signal(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            return n > 0 && n < 64 ? n : 15;
        } catch (NumberFormatException e) {
            return 15;
        }
    }
}
