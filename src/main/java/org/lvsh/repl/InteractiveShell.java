package org.lvsh.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.lvsh.cli.Context;
import org.lvsh.cli.Dispatcher;
import org.lvsh.cli.ErrorReport;
import org.lvsh.cli.ExitStatus;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Session;

/**
 * The interactive shell: JLine line editing with lvsh's completion, history kept across sessions, a prompt that
 * shows the connection (virsh's '#' read-write, '>' read-only). Each command runs on its own thread so that
 * Ctrl-C gets the prompt back at once, even from a call stuck in libvirt; the abandoned call's output is
 * dropped.
 */
public final class InteractiveShell {
    private static final long GRACE_MILLIS = 300;
    /**
     * JLine reports through java.util.logging, with a stack trace, whatever goes wrong with the history file, at
     * every command: lvsh says it once itself ({@link SavedHistory}). Held here so that the setting stays.
     */
    private static final java.util.logging.Logger JLINE_LOG = java.util.logging.Logger.getLogger("org.jline");

    private final Dispatcher dispatcher;
    private final Session session;
    private final Context context;
    private boolean outputLost;

    private final PrintWriter err;

    /** @param err the run's stderr: what cannot go to the terminal's own writer */
    public InteractiveShell(Dispatcher dispatcher, Session session, PrintWriter err) {
        this.dispatcher = dispatcher;
        this.session = session;
        this.context = dispatcher.context();
        this.err = err;
    }

    public int run() {
        Terminal terminal;
        try {
            // The exec provider (stty) is the one that gives the terminal back exactly as it found it: JLine 3.30's
            // JNA provider leaves -iexten behind, its JNI provider a speed of 0 baud.
            terminal = TerminalBuilder.builder().system(true).name("lvsh").provider("exec").build();
        } catch (IOException e) {
            err.println("error: cannot open the terminal: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        JLINE_LOG.setLevel(java.util.logging.Level.OFF);
        Path history = History.file(context.environment());
        SavedHistory saved = new SavedHistory(history, err);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lvsh")
                .parser(new ShellLineParser())
                .completer(new ShellCompleter(context.catalog(), dispatcher))
                .history(saved)
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 1000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' may be part of a name
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                // JLine's undo keeps a copy of the whole line per keystroke: a pasted 20,000-character line filled
                // the shell's heap (OutOfMemoryError, the session gone)
                .option(LineReader.Option.DISABLE_UNDO, true)
                .build();
        ShellPrompter asker = new ShellPrompter(terminal);
        session.usePrompter(asker);
        context.useShellPrompter(asker);
        context.usePrintAbove(reader::printAbove);
        context.useTerminal(terminal);
        Thread cleanup = new Thread(() -> shutdown(reader, terminal), "lvsh-shutdown");
        Runtime.getRuntime().addShutdownHook(cleanup); // SIGTERM, SIGHUP: close the connection, keep history
        PrintWriter out = terminal.writer();
        UsableSize.ensure(terminal); // the banner's connection may ask for credentials on it
        banner(terminal, out, err);
        try {
            loop(reader, terminal, out, err);
        } finally {
            shutdown(reader, terminal);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
        return outputLost ? ExitStatus.FAILED : ExitStatus.OK;
    }

    private void loop(LineReader reader, Terminal terminal, PrintWriter out, PrintWriter err) {
        while (!context.exitRequested()) {
            if (out.checkError()) {
                // the terminal takes no more output (it went away): what the commands print would be lost
                err.println("error: cannot write output to the terminal");
                outputLost = true;
                return;
            }
            String line;
            try {
                UsableSize.ensure(terminal);
                line = reader.readLine(prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C clears the line
            } catch (EndOfFileException e) {
                out.println();
                return;
            }
            if (line.isBlank()) {
                continue;
            }
            List<List<String>> commands;
            try {
                commands = CommandSplitter.split(line);
            } catch (RuntimeException e) {
                ErrorReport.report(e, false, err, context.diagnostics());
                continue;
            }
            runInterruptibly(commands, terminal, out, err);
            context.candidates().invalidate();
        }
    }

    /** Runs a line on a worker thread; Ctrl-C interrupts it and, if it does not stop at once, abandons it. */
    private void runInterruptibly(List<List<String>> commands, Terminal terminal, PrintWriter out, PrintWriter err) {
        OutputGate gate = new OutputGate(out, err);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        Thread worker = new Thread(() -> {
            try {
                status.set(dispatcher.runAll(commands, gate.out(), gate.err()));
            } finally {
                done.countDown();
            }
        }, "lvsh-command");
        worker.setDaemon(true);
        AtomicBoolean interrupted = new AtomicBoolean();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            interrupted.set(true);
            worker.interrupt();
        });
        try {
            worker.start();
            while (!done.await(50, TimeUnit.MILLISECONDS)) {
                if (interrupted.get() && !done.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    gate.close();
                    dispatcher.forget(); // the abandoned thread keeps its command objects to itself
                    err.println("error: interrupted; the pending call was abandoned");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            out.flush();
        }
    }


    private void banner(Terminal terminal, PrintWriter out, PrintWriter err) {
        boolean quiet = context.settings().quiet();
        if (!quiet) {
            out.println("Welcome to lvsh, the virtualization interactive terminal.");
            out.println();
            out.println("Type:  'help' for help with commands");
            out.println("       'quit' to quit");
            out.println();
            out.flush();
        }
        if (context.fleet() != null) {
            return; // -H: each host connects when a command needs it; libvirt's default is none of them
        }
        // Ctrl-C while connecting (at a prompt of ssh's own, which the same SIGINT ends) ends the attempt and says
        // so, as during 'connect'; without this the shell reported the broken pipe ("Cannot recv data")
        Thread connecting = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> connecting.interrupt());
        try {
            session.connection();
        } catch (RuntimeException e) {
            Thread.interrupted(); // a Ctrl-C at a credential prompt ends that attempt, not the shell
            ErrorReport.report(e, false, err, context.diagnostics(), true);
            if (!quiet) {
                out.println("Not connected.");
                out.println();
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted(); // a Ctrl-C that came as the connection opened has nothing left to stop
        }
        out.flush();
    }

    /** "lvsh (URI) # ", '>' when read-only, and a word when there is no usable connection. */
    String prompt() {
        org.lvsh.fleet.Fleet fleet = context.fleet();
        if (fleet != null) {
            int n = fleet.hosts().size();
            return "lvsh (" + fleet.label() + ": " + n + (n == 1 ? " host) " : " hosts) ")
                    + (context.settings().readOnly() ? ">" : "#") + " ";
        }
        Connection c = session.peek();
        String mark = session.readOnly() ? ">" : "#";
        if (c == null) {
            return "lvsh (not connected) " + mark + " ";
        }
        String where = c.lostReason() == null ? c.uri() : c.uri() + ", connection lost";
        return "lvsh (" + where + ") " + (c.readOnly() ? ">" : "#") + " ";
    }

    private void shutdown(LineReader reader, Terminal terminal) {
        context.backgroundWatches().stopAll();
        try {
            reader.getHistory().save(); // a failure is reported once, by SavedHistory
        } catch (IOException | RuntimeException e) {
            // history is a convenience: never fail the exit over it
        }
        session.close();
        try {
            terminal.close();
        } catch (IOException e) {
            // the terminal is going away anyway
        }
    }

    /**
     * JLine's history, which never fails a command and never repeats itself: a file that cannot be read or
     * written (a full file system, a cache directory that is a file) is one warning, the first time, and the
     * shell goes on with the history it has in memory.
     */
    static final class SavedHistory extends DefaultHistory {
        private final Path file;
        private final PrintWriter err;
        private boolean warned;

        SavedHistory(Path file, PrintWriter err) {
            this.file = file;
            this.err = err;
        }

        @Override
        public void load() {
            try {
                super.load();
            } catch (IOException | RuntimeException e) {
                warn("load", e);
            }
        }

        @Override
        public void save() {
            try {
                super.save();
            } catch (IOException | RuntimeException e) {
                warn("save", e);
            }
        }

        private synchronized void warn(String what, Exception e) {
            if (!warned) {
                warned = true;
                err.println("warning: cannot " + what + " history " + (what.equals("save") ? "to " : "from ")
                        + file + ": " + reason(e));
                err.flush();
            }
        }

        /** The system's words (No space left on device, Not a directory), without the path again. */
        static String reason(Exception e) {
            if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException f) {
                return f.getFile() + " is not a directory";
            }
            return e.getMessage() != null ? e.getMessage() : e.toString();
        }
    }

    /** Where the history lives: $XDG_CACHE_HOME/lvsh/history or ~/.cache/lvsh/history, private to the user. */
    static final class History {
        private History() {
        }

        static Path file(java.util.Map<String, String> env) {
            String cache = env.get("XDG_CACHE_HOME");
            Path dir = cache != null && !cache.isEmpty() ? Paths.get(cache, "lvsh")
                    : Paths.get(System.getProperty("user.home"), ".cache", "lvsh");
            Path file = dir.resolve("history");
            try {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no history file: the shell still works, it just forgets
            }
            return file;
        }
    }
}
